import { type FormEvent, useState } from 'react';
import { TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import { errorMessage } from '../../shared/api-client.ts';
import { ErrorSummary, errorsFromApi, Field, type FieldErrors, summaryOf } from '../../shared/ui/form.tsx';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type OrganisationSettings, useOrganisationSettings, useUpdateOrganisation } from './api.ts';

const FIELDS = {
  name: 'organisme-nom',
  postalAddress: 'organisme-adresse',
  complaintsEmail: 'organisme-email',
  mediatorName: 'organisme-mediateur',
  mediatorContact: 'organisme-mediateur-contact',
  mediatorId: 'organisme-mediateur-compte',
} as const;

function SettingsForm({ settings }: { settings: OrganisationSettings }) {
  const update = useUpdateOrganisation();
  const [draft, setDraft] = useState({
    name: settings.name,
    postalAddress: settings.postalAddress ?? '',
    complaintsEmail: settings.complaintsEmail ?? '',
    mediatorName: settings.mediatorName ?? '',
    mediatorContact: settings.mediatorContact ?? '',
    mediatorId: settings.mediatorId ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<ReturnType<typeof summaryOf>>([]);
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { ...draft, mediatorId: draft.mediatorId || null },
      {
        onSuccess: () => {
          setErrors({});
          setSummary([]);
        },
        onError: (error) => {
          const { fields, general } = errorsFromApi(error, FIELDS);
          setErrors(fields);
          setSummary(summaryOf(fields, Object.values(FIELDS), general));
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorSummary items={summary} id="organisme-erreurs" />
      <Field id={FIELDS.name} label="Nom de l’organisme" error={errors[FIELDS.name]}>
        {(aria) => <input {...aria} value={draft.name} onChange={set('name')} />}
      </Field>
      <Field
        id={FIELDS.postalAddress}
        label="Adresse du service réclamations"
        hint="Imprimée dans la fenêtre des courriers, une ligne par ligne d’adresse."
        optional
        error={errors[FIELDS.postalAddress]}
        count={{ length: draft.postalAddress.length, max: TEXT_LIMITS.postalAddress }}
      >
        {(aria) => (
          <textarea {...aria} rows={4} value={draft.postalAddress} onChange={set('postalAddress')} />
        )}
      </Field>
      <Field
        id={FIELDS.complaintsEmail}
        label="Adresse e-mail des réclamations"
        hint="Les réclamations écrites à cette adresse deviennent des dossiers du registre."
        optional
        error={errors[FIELDS.complaintsEmail]}
      >
        {(aria) => (
          <input {...aria} type="email" value={draft.complaintsEmail} onChange={set('complaintsEmail')} />
        )}
      </Field>
      <fieldset className="fieldset">
        <legend>Médiateur compétent</legend>
        <p className="muted">
          Cité dans chaque réponse défavorable (C. consom. L616-1). Actuellement&nbsp;:{' '}
          <strong>{settings.competentMediator.name}</strong>
          {settings.competentMediator.declared
            ? ''
            : ' (celui de votre famille d’organismes, faute de choix déclaré)'}
          .
        </p>
        <Field
          id={FIELDS.mediatorName}
          label="Nom du médiateur"
          hint="Par exemple «&nbsp;La Médiation de l’Assurance&nbsp;» si l’organisme y adhère."
          optional
          error={errors[FIELDS.mediatorName]}
        >
          {(aria) => <input {...aria} value={draft.mediatorName} onChange={set('mediatorName')} />}
        </Field>
        <Field
          id={FIELDS.mediatorContact}
          label="Adresse du médiateur"
          optional
          error={errors[FIELDS.mediatorContact]}
          count={{ length: draft.mediatorContact.length, max: TEXT_LIMITS.mediatorContact }}
        >
          {(aria) => (
            <textarea {...aria} rows={3} value={draft.mediatorContact} onChange={set('mediatorContact')} />
          )}
        </Field>
        <Field
          id={FIELDS.mediatorId}
          label="Médiateur qui reçoit les saisines sur Recours"
          optional
          error={errors[FIELDS.mediatorId]}
        >
          {(aria) => (
            <select {...aria} value={draft.mediatorId} onChange={set('mediatorId')}>
              <option value="">Aucun (saisine hors de Recours)</option>
              {settings.mediators.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          Enregistrer les réglages
        </button>
      </div>
      {update.isSuccess ? (
        <p className="notice notice--success" role="status">
          Réglages enregistrés.
        </p>
      ) : null}
    </form>
  );
}

export function OrganisationSection() {
  const settings = useOrganisationSettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) {
    return <ErrorNotice message={errorMessage(settings.error)} onRetry={() => settings.refetch()} />;
  }
  return <SettingsForm key={settings.dataUpdatedAt} settings={settings.data} />;
}
