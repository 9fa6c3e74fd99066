import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { CONTROL_CHARACTER_MESSAGE, findControlCharacter } from '../shared/control-characters.ts';
import { strictInput } from './strict-input.ts';

/**
 * Input hygiene for every route, in one place rather than in each schema:
 * - every request body schema is made strict (unknown keys refused with their path);
 * - no text of the body, the query string or the path may carry a control character (400 naming the field).
 * Must be registered before the routes (onRoute sees only routes added after it).
 */
export function inputHygiene(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { body?: unknown } | undefined;
    if (schema?.body && typeof schema.body === 'object' && '_zod' in schema.body) {
      route.schema = { ...schema, body: strictInput(schema.body as Parameters<typeof strictInput>[0]) };
    }
  });
  app.addHook('preValidation', async (request) => {
    const sources: [unknown, string][] = [
      [request.params, 'params.'],
      [request.query, 'query.'],
      [request.body, ''],
    ];
    for (const [value, prefix] of sources) {
      const found = findControlCharacter(value);
      if (!found) continue;
      const field = prefix && found === 'body' ? prefix.slice(0, -1) : `${prefix}${found}`;
      throw new AppError('VALIDATION', `Le champ « ${field} » ${CONTROL_CHARACTER_MESSAGE}`, field);
    }
  });
}
