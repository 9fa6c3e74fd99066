import { z } from 'zod';
import { ROLES } from '../roles.ts';

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string().nullable(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisation: z.object({ id: z.string().uuid(), name: z.string(), kind: z.string() }).nullable(),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({ user: userSchema.nullable(), csrfToken: z.string().nullable() });
export type Session = z.infer<typeof sessionSchema>;

export const openSessionSchema = z.object({
  id: z.string().uuid(),
  createdAt: z.string().describe('Début de la session'),
  expiresAt: z.string().describe('Fin de validité'),
  userAgent: z.string().nullable().describe('Navigateur, tel qu’il s’est présenté'),
  current: z.boolean().describe('La session de cette requête'),
});
export type OpenSession = z.infer<typeof openSessionSchema>;
export const openSessionListSchema = z.object({ sessions: z.array(openSessionSchema) });

/** POST /api/auth/signup (202): the same answer whatever the address. */
export const signUpAnswerSchema = z.object({ message: z.string() });

/** GET /api/auth/oidc: whether single sign-on is configured, and its name for the button. */
export const oidcConfigSchema = z.object({ enabled: z.boolean(), label: z.string().nullable() });

/** POST /api/auth/invitation/check: who the invitation is for. */
export const invitationCheckSchema = z.object({ displayName: z.string(), email: z.string().nullable() });
