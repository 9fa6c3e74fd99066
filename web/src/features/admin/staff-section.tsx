import { type FormEvent, useState } from 'react';
import { ROLE_LABELS } from '../../../../src/domain/access/roles.ts';
import { ASSIGNABLE_ROLES } from '../../../../src/domain/admin/staff-changes.ts';
import { errorMessage } from '../../shared/api-client.ts';
import { formatInstantDate } from '../../shared/format.ts';
import { useSession } from '../../shared/session.ts';
import { ErrorSummary, errorsFromApi, Field, type FieldErrors, summaryOf } from '../../shared/ui/form.tsx';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import {
  type Invitation,
  type StaffMember,
  useChangeStaff,
  useInviteStaff,
  useRenewInvitation,
  useStaff,
} from './api.ts';

function InvitationNotice({ invitation, name }: { invitation: Invitation; name: string }) {
  if (invitation.emailSent) {
    return (
      <div className="notice notice--success" role="status">
        <p>
          Invitation envoyée par e-mail à {name}. Le lien est valable jusqu’au{' '}
          {formatInstantDate(invitation.expiresAt)}.
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice--info" role="status">
      <p>
        L’envoi d’e-mails n’est pas configuré sur cette plateforme&nbsp;: transmettez vous-même ce lien à{' '}
        {name} (valable jusqu’au {formatInstantDate(invitation.expiresAt)}, il n’est affiché qu’une fois).
      </p>
      <p>
        <label htmlFor="lien-invitation">Lien d’invitation</label>
        <input id="lien-invitation" className="invitation-link" readOnly value={invitation.link ?? ''} />
      </p>
    </div>
  );
}

function InviteForm() {
  const invite = useInviteStaff();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<string>('handler');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<ReturnType<typeof summaryOf>>([]);
  const [sent, setSent] = useState<{ invitation: Invitation; name: string } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    invite.mutate(
      { email, displayName, role },
      {
        onSuccess: (result) => {
          setSent({ invitation: result.invitation, name: result.member.displayName });
          setEmail('');
          setDisplayName('');
          setErrors({});
          setSummary([]);
        },
        onError: (error) => {
          const { fields, general } = errorsFromApi(error, {
            email: 'invitation-email',
            displayName: 'invitation-nom',
            role: 'invitation-role',
          });
          setErrors(fields);
          setSummary(summaryOf(fields, ['invitation-nom', 'invitation-email', 'invitation-role'], general));
        },
      },
    );
  };

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="inviter">
      <h3 id="inviter">Inviter un membre de l’équipe</h3>
      <ErrorSummary items={summary} id="invitation-erreurs" />
      <Field id="invitation-nom" label="Prénom et nom" error={errors['invitation-nom']}>
        {(aria) => (
          <input
            {...aria}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <Field id="invitation-email" label="Adresse e-mail professionnelle" error={errors['invitation-email']}>
        {(aria) => (
          <input
            {...aria}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <Field id="invitation-role" label="Rôle" error={errors['invitation-role']}>
        {(aria) => (
          <select {...aria} value={role} onChange={(e) => setRole(e.target.value)}>
            {ASSIGNABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={invite.isPending}>
          Inviter
        </button>
      </div>
      {sent ? <InvitationNotice invitation={sent.invitation} name={sent.name} /> : null}
    </form>
  );
}

function StaffRow({ member, isMe }: { member: StaffMember; isMe: boolean }) {
  const change = useChangeStaff();
  const renew = useRenewInvitation();
  const [role, setRole] = useState<string>(member.role);
  const error = change.error ?? renew.error;
  const roleId = `role-${member.id}`;
  return (
    <tr className={member.active ? undefined : 'staff-row--inactive'}>
      <th scope="row">
        {member.displayName}
        {isMe ? <span className="muted"> (vous)</span> : null}
        <br />
        <span className="muted">{member.email}</span>
      </th>
      <td>
        {member.active ? 'Actif' : 'Désactivé'}
        {member.invitationPending ? (
          <>
            <br />
            <span className="muted">Invitation en attente</span>
          </>
        ) : null}
      </td>
      <td>
        <label className="sr-only" htmlFor={roleId}>
          Rôle de {member.displayName}
        </label>
        <select
          id={roleId}
          value={role}
          onChange={(e) => setRole(e.target.value)}
          disabled={change.isPending}
        >
          {ASSIGNABLE_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>{' '}
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={change.isPending || role === member.role}
          onClick={() => change.mutate({ id: member.id, role }, { onError: () => setRole(member.role) })}
        >
          Changer le rôle<span className="sr-only"> de {member.displayName}</span>
        </button>
      </td>
      <td>
        <button
          type="button"
          className="button button--tertiary button--small"
          disabled={change.isPending}
          onClick={() => change.mutate({ id: member.id, active: !member.active })}
        >
          {member.active ? 'Désactiver' : 'Réactiver'}
          <span className="sr-only"> le compte de {member.displayName}</span>
        </button>
        {member.invitationPending && member.active ? (
          <button
            type="button"
            className="button button--tertiary button--small"
            disabled={renew.isPending}
            onClick={() => renew.mutate(member.id)}
          >
            Renvoyer l’invitation<span className="sr-only"> à {member.displayName}</span>
          </button>
        ) : null}
        {error ? (
          <p className="field__error" role="alert">
            {errorMessage(error)}
          </p>
        ) : null}
        {renew.data ? <InvitationNotice invitation={renew.data} name={member.displayName} /> : null}
      </td>
    </tr>
  );
}

export function StaffSection() {
  const session = useSession();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const staff = useStaff(cursor);
  const me = session.data?.user?.id;
  return (
    <>
      <InviteForm />
      <h3>Comptes de l’équipe</h3>
      <p className="muted">
        Un compte désactivé ne peut plus se connecter&nbsp;; ses dossiers et son historique gardent son nom.
        Le dernier administrateur actif ne peut être ni rétrogradé ni désactivé.
      </p>
      {staff.isPending ? <Loading /> : null}
      {staff.isError ? (
        <ErrorNotice message={errorMessage(staff.error)} onRetry={() => staff.refetch()} />
      ) : null}
      {staff.data ? (
        <div className="table-wrapper">
          <table className="table staff-table">
            <caption className="sr-only">Comptes de l’équipe</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">État</th>
                <th scope="col">Rôle</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.staff.map((m) => (
                <StaffRow key={`${m.id}:${m.role}:${m.active}`} member={m} isMe={m.id === me} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="cta-row">
        {cursors.length > 1 ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Page précédente
          </button>
        ) : null}
        {staff.data?.nextCursor ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCursors([...cursors, staff.data.nextCursor])}
          >
            Page suivante
          </button>
        ) : null}
      </div>
    </>
  );
}
