export {
  ACTING_ROLES,
  ANALYTICS_ROLES,
  HANDLING_ROLES,
  hasRole,
  REGISTER_ROLES,
  ROLE_LABELS,
  ROLES,
  type Role,
  STAFF_ROLES,
  SUPERVISING_ROLES,
} from '../../contracts/roles.ts';

import type { Role } from '../../contracts/roles.ts';

export interface Actor {
  id: string;
  role: Role;
  organisationId: string | null;
}
