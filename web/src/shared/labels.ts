import { CATEGORY_LABELS, DOSSIER_CATEGORIES } from '../../../src/contracts/categories.ts';
import { DOSSIER_STATUSES, STATUS_LABELS } from '../../../src/contracts/dossier-status.ts';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '../../../src/contracts/organisation-kinds.ts';
import { PRIORITY_LABELS } from '../../../src/contracts/priorities.ts';
import { ROLE_LABELS, type Role } from '../../../src/contracts/roles.ts';

// The labels come from src/contracts, which the server and the database use too: one list, no copy to keep in step.
// A value the server adds before the web app knows it is shown raw rather than breaking the page.

function labelOf<K extends string>(labels: Record<K, string>, id: string): string {
  return Object.hasOwn(labels, id) ? labels[id as K] : id;
}

export const categoryOptions = DOSSIER_CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] }));
export const statusOptions = DOSSIER_STATUSES.map((id) => ({ id, label: STATUS_LABELS[id] }));
export const organisationKindOptions = ORGANISATION_KINDS.map((id) => ({
  id,
  label: ORGANISATION_KIND_LABELS[id],
}));

export const categoryLabel = (id: string) => labelOf(CATEGORY_LABELS, id);
export const statusLabel = (id: string) => labelOf(STATUS_LABELS, id);
export const organisationKindLabel = (id: string) => labelOf(ORGANISATION_KIND_LABELS, id);
export const roleLabel = (role: Role) => ROLE_LABELS[role];
export const priorityLabel = (id: string) => labelOf(PRIORITY_LABELS, id);
