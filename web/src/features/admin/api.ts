import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  invitationSchema,
  invitedSchema,
  type OrganisationSettings,
  organisationSettingsSchema,
  staffPageSchema,
  staffSchema,
} from '../../../../src/contracts/api/admin.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

export type { Invitation, OrganisationSettings, StaffMember } from '../../../../src/contracts/api/admin.ts';

const STAFF_KEY = ['admin', 'staff'] as const;
const SETTINGS_KEY = ['admin', 'organisation'] as const;

export function useStaff(cursor: string | null) {
  return useQuery({
    queryKey: [...STAFF_KEY, cursor ?? ''],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/admin/staff${cursor ? `?after=${encodeURIComponent(cursor)}` : ''}`,
        staffPageSchema,
        signal,
      ),
  });
}

export function useInviteStaff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; displayName: string; role: string }) =>
      apiSend('/api/v1/admin/staff', {
        body,
        schema: invitedSchema,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: STAFF_KEY }),
  });
}

export function useRenewInvitation() {
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(`/api/v1/admin/staff/${encodeURIComponent(id)}/invitation`, { schema: invitationSchema }),
  });
}

export function useChangeStaff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: string; active?: boolean }) =>
      apiSend(`/api/v1/admin/staff/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body,
        schema: staffSchema,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: STAFF_KEY }),
  });
}

export function useOrganisationSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => apiGet('/api/v1/admin/organisation', organisationSettingsSchema, signal),
  });
}

export function useUpdateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      body: Partial<Omit<OrganisationSettings, 'id' | 'kind' | 'competentMediator' | 'mediators'>>,
    ) => apiSend('/api/v1/admin/organisation', { method: 'PATCH', body, schema: organisationSettingsSchema }),
    onSuccess: (data) => {
      client.setQueryData(SETTINGS_KEY, data);
      // The organisation's name is in the header (session).
      client.invalidateQueries({ queryKey: ['session'] });
    },
  });
}
