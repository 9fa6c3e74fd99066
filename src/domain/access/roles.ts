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

export const ROLE_LABELS: Record<Role, string> = {
  member: 'Adhérent',
  handler: 'Conseiller',
  supervisor: 'Superviseur',
  mediator: 'Médiateur',
  auditor: 'Auditeur',
  admin: 'Administrateur',
  medical_adviser: 'Médecin-conseil',
};

export const STAFF_ROLES: readonly Role[] = ['handler', 'supervisor', 'auditor', 'admin', 'medical_adviser'];

export interface Actor {
  id: string;
  role: Role;
  organisationId: string | null;
}
