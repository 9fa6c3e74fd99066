import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ROLES } from '../../../../src/domain/access/roles.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

const staffSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  invitationPending: z.boolean(),
  createdAt: z.string(),
});
export type StaffMember = z.infer<typeof staffSchema>;
const staffPageSchema = z.object({ staff: z.array(staffSchema), nextCursor: z.string().nullable() });

const invitationSchema = z.object({
  emailSent: z.boolean(),
  link: z.string().nullable(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

const settingsSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  postalAddress: z.string().nullable(),
  complaintsEmail: z.string().nullable(),
  mediatorName: z.string().nullable(),
  mediatorContact: z.string().nullable(),
  mediatorId: z.string().nullable(),
  competentMediator: z.object({ name: z.string(), declared: z.boolean() }),
  mediators: z.array(z.object({ id: z.string(), displayName: z.string() })),
});
export type OrganisationSettings = z.infer<typeof settingsSchema>;

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
        schema: z.object({ member: staffSchema, invitation: invitationSchema }),
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
    queryFn: ({ signal }) => apiGet('/api/v1/admin/organisation', settingsSchema, signal),
  });
}

export function useUpdateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      body: Partial<Omit<OrganisationSettings, 'id' | 'kind' | 'competentMediator' | 'mediators'>>,
    ) => apiSend('/api/v1/admin/organisation', { method: 'PATCH', body, schema: settingsSchema }),
    onSuccess: (data) => {
      client.setQueryData(SETTINGS_KEY, data);
      // The organisation's name is in the header (session).
      client.invalidateQueries({ queryKey: ['session'] });
    },
  });
}
