import { z } from 'zod';
import { ROLES } from '../roles.ts';

export const staffSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string().nullable(),
    displayName: z.string(),
    role: z.enum(ROLES),
    active: z.boolean().describe('false : compte désactivé, plus de connexion possible'),
    invitationPending: z.boolean().describe('true : la personne n’a pas encore choisi son mot de passe'),
    createdAt: z.string(),
  })
  .describe('Compte de l’équipe');
export type StaffMember = z.infer<typeof staffSchema>;

export const invitationSchema = z
  .object({
    emailSent: z.boolean().describe('true : l’invitation est partie par e-mail'),
    link: z
      .string()
      .nullable()
      .describe('Lien à transmettre soi-même quand l’envoi d’e-mails n’est pas configuré ; null sinon'),
    expiresAt: z.string(),
  })
  .describe('Invitation');
export type Invitation = z.infer<typeof invitationSchema>;

export const organisationSettingsSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.string(),
  postalAddress: z.string().nullable(),
  complaintsEmail: z.string().nullable(),
  mediatorName: z.string().nullable(),
  mediatorContact: z.string().nullable(),
  mediatorId: z.string().nullable(),
  competentMediator: z
    .object({ name: z.string(), declared: z.boolean() })
    .describe('Le médiateur cité dans les réponses, d’après ces réglages'),
  mediators: z
    .array(z.object({ id: z.string().uuid(), displayName: z.string() }))
    .describe('Médiateurs présents sur Recours, qui peuvent recevoir les saisines'),
});
export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;
export const staffPageSchema = z.object({ staff: z.array(staffSchema), nextCursor: z.string().nullable() });
export const invitedSchema = z.object({ member: staffSchema, invitation: invitationSchema });
