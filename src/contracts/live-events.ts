import { z } from 'zod';

/**
 * What changed in a file, pushed to the open event streams of that file (GET /api/v1/dossiers/:id/events). Small on
 * purpose: the client refetches what it shows; the stream never carries a message body or a document (no health
 * data on a long-lived pipe). The web says, for each type, what it refetches (`Record<LiveEventType, …>`).
 */
export const LIVE_EVENT_TYPES = [
  'status.changed',
  'message.created',
  'message.updated',
  'note.created',
  'document.added',
  'document.updated',
  'contact.logged',
  'contact.updated',
  'contract.saved',
  'facts.updated',
  'satisfaction.recorded',
  'dossier.erased',
  'medical_opinion.requested',
  'medical_opinion.given',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export const LIVE_AUDIENCES = ['all', 'staff'] as const;

export const liveEventSchema = z.object({
  type: z.enum(LIVE_EVENT_TYPES),
  dossierId: z.string(),
  /** 'staff': only the organisation's staff receive it (an internal note, a medical opinion). */
  audience: z.enum(LIVE_AUDIENCES),
  /** The row the change is about (a message's id lets its author skip his own announcement). */
  id: z.string().optional(),
  at: z.string(),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;
