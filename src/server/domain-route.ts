/**
 * For routes whose body a pure domain function validates itself (with its own French messages naming the field,
 * e.g. « Acte n° 3 : … »): the zod schema still documents the body in OpenAPI, but Fastify passes it through.
 */
export const validatedByDomain = {
  validatorCompiler: () => (data: unknown) => ({ value: data }),
} as const;
