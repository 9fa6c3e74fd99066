export { DOSSIER_STATUSES, type DossierStatus, STATUS_LABELS } from '../../contracts/dossier-status.ts';
export {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../contracts/organisation-kinds.ts';
