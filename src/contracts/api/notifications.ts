import { z } from 'zod';

export const notificationSchema = z
  .object({
    id: z.string().uuid(),
    dossierId: z.string().uuid().nullable().describe('Dossier concerné'),
    reference: z.string().nullable().describe('Référence du dossier'),
    kind: z.string().describe('Type (reminder.complaint.answer.due_soon, dossier.answered…)'),
    title: z.string().describe('Titre'),
    body: z.string().describe('Texte'),
    createdAt: z.string(),
    readAt: z.string().nullable().describe('Lue le (null : non lue)'),
  })
  .describe('Notification');
export type AppNotification = z.infer<typeof notificationSchema>;

/** GET /api/v1/notifications */
export const notificationListSchema = z.object({
  unread: z.number().int().describe('Nombre de notifications non lues'),
  notifications: z.array(notificationSchema),
});

/** POST /api/v1/notifications/:id/read */
export const notificationReadSchema = z.object({
  id: z.string().uuid(),
  readAt: z.string().describe('Lue le'),
});
