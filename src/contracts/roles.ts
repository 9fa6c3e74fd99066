/**
 * Who uses Recours, once for the server, the database and the web (docs/decisions/0015-contracts.md).
 * Each role states its label and the groups it belongs to in one row: a new role does not compile until its row
 * is written, and every group below is read from the rows.
 */
export const ROLES = [
  'member',
  'handler',
  'supervisor',
  'mediator',
  'auditor',
  'admin',
  'medical_adviser',
] as const;
export type Role = (typeof ROLES)[number];

interface RoleProfile {
  label: string;
  /** Staff of an organisation (reads its internal notes; medical pieces are decided apart). */
  organisationStaff: boolean;
  /** Works the register: lists, reads and acts on the organisation's files (the medical adviser does not). */
  register: boolean;
  /** Handles files: acknowledges, asks for documents, answers, closes. */
  handles: boolean;
  /** Assigns any file, sets any priority, sits on the ethics committee. */
  supervises: boolean;
  /** Reads the organisation's figures, exports and reports. */
  steers: boolean;
}

const no = {
  organisationStaff: false,
  register: false,
  handles: false,
  supervises: false,
  steers: false,
} as const;

export const ROLE_PROFILES = {
  member: { ...no, label: 'Adhérent' },
  handler: { ...no, label: 'Conseiller', organisationStaff: true, register: true, handles: true },
  supervisor: {
    label: 'Superviseur',
    organisationStaff: true,
    register: true,
    handles: true,
    supervises: true,
    steers: true,
  },
  mediator: { ...no, label: 'Médiateur' },
  auditor: { ...no, label: 'Auditeur', organisationStaff: true, register: true, steers: true },
  admin: {
    ...no,
    label: 'Administrateur',
    organisationStaff: true,
    register: true,
    supervises: true,
    steers: true,
  },
  medical_adviser: { ...no, label: 'Médecin-conseil', organisationStaff: true },
} as const satisfies Record<Role, RoleProfile>;

export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.fromEntries(
  ROLES.map((role) => [role, ROLE_PROFILES[role].label]),
) as Record<Role, string>;

const rolesWhere = (trait: Exclude<keyof RoleProfile, 'label'>): readonly Role[] =>
  ROLES.filter((role) => ROLE_PROFILES[role][trait]);

/** The organisation's side: handler, supervisor, auditor, admin, medical adviser. */
export const STAFF_ROLES = rolesWhere('organisationStaff');
/** The register's users: handler, supervisor, auditor, admin. */
export const REGISTER_ROLES = rolesWhere('register');
/** Who handles a file: handler, supervisor. */
export const HANDLING_ROLES = rolesWhere('handles');
/** Who assigns any file and sits on the ethics committee: supervisor, admin. */
export const SUPERVISING_ROLES = rolesWhere('supervises');
/** Who steers the service (figures, exports, reports): supervisor, admin, auditor. */
export const ANALYTICS_ROLES = rolesWhere('steers');
/** Who acts on the register's files besides reading them: the handlers and the supervising roles. */
export const ACTING_ROLES: readonly Role[] = ROLES.filter(
  (role) => ROLE_PROFILES[role].handles || ROLE_PROFILES[role].supervises,
);

export function hasRole(role: string | undefined | null, roles: readonly Role[]): boolean {
  return role !== undefined && role !== null && (roles as readonly string[]).includes(role);
}
