import { z } from 'zod';
import { DOSSIER_CATEGORIES } from '../../contracts/categories.ts';
import { COMPLAINT_CHANNELS } from '../../contracts/channels.ts';
import { DOSSIER_STATUSES } from '../../contracts/dossier-status.ts';
import { calendarDateSchema } from '../../domain/deadlines/schema.ts';
import { SLA_COLOURS } from '../../domain/register/sla.ts';

// Bounded to 1900–2100, like every date of the API (see calendar-date.ts).
const calendarDate = calendarDateSchema;

/** One value or the same parameter repeated (?status=submitted&status=acknowledged). */
export function oneOrMany<T extends z.ZodType>(item: T, description: string) {
  return z
    .union([item, z.array(item)])
    .optional()
    .describe(`${description} (répétez le paramètre pour plusieurs valeurs)`);
}
export const many = <T>(v: T | T[] | undefined): T[] | undefined =>
  v === undefined ? undefined : ([v].flat() as T[]);

/** The register's filters as the page puts them in its URL: the list and its exports (issue 14) read the same. */
export const registerFilterQuery = z.object({
  status: oneOrMany(z.enum(DOSSIER_STATUSES), 'Statut'),
  category: oneOrMany(z.enum(DOSSIER_CATEGORIES), 'Catégorie'),
  channel: oneOrMany(z.enum(COMPLAINT_CHANNELS), 'Canal de réception'),
  handlerId: z
    .union([z.string().uuid(), z.literal('none')])
    .optional()
    .describe('Conseiller en charge, ou « none » pour les dossiers non attribués'),
  mine: z.enum(['true', 'false']).optional().describe('true : seulement mes dossiers'),
  sla: oneOrMany(z.enum(SLA_COLOURS), 'Couleur de délai'),
  from: calendarDate.optional().describe('Réclamation envoyée à partir du (inclus)'),
  to: calendarDate.optional().describe('Réclamation envoyée jusqu’au (inclus)'),
  q: z
    .string()
    .trim()
    .max(200, 'Recherche trop longue : 200 caractères au plus')
    .optional()
    .describe(
      'Recherche en français, accents et majuscules indifférents : mots de l’objet ou de la description, nom de l’adhérent, référence (ou une partie), référence de l’organisme',
    ),
});
export type RegisterFilterQuery = z.infer<typeof registerFilterQuery>;

/** The parsed filters, lists flattened. */
export function filtersOf(q: RegisterFilterQuery) {
  return {
    status: many(q.status),
    category: many(q.category),
    channel: many(q.channel),
    handlerId: q.handlerId,
    mine: q.mine === 'true',
    sla: many(q.sla),
    from: q.from,
    to: q.to,
    q: q.q,
  };
}
