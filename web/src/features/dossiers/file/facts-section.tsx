import { type FormEvent, useMemo, useState } from 'react';
import { readDateText } from '../../../shared/date-input.ts';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../../shared/ui/form.tsx';
import { type FactValue, useRecordFacts, useSavedFacts, useTimeline } from '../file-api.ts';
import { ReadOnlyNote, Section, type SectionProps } from './section.tsx';

interface FactField {
  name: string;
  label: string;
  hint?: string;
}

interface FactGroup {
  legend: string;
  fields: FactField[];
  /** Only for files against this kind of organisation (all when absent). */
  when?: (organisationKind: string) => boolean;
}

const GROUPS: FactGroup[] = [
  {
    legend: 'Votre réclamation écrite',
    fields: [
      {
        name: 'complaintSentOn',
        label: 'Réclamation envoyée le',
        hint: 'Date du courrier, de l’e-mail ou du formulaire. Les délais de l’organisme partent de cette date.',
      },
      { name: 'complaintReceivedOn', label: 'Réclamation reçue par l’organisme le' },
      { name: 'acknowledgedOn', label: 'Accusé de réception reçu le' },
      { name: 'answerReceivedOn', label: 'Réponse écrite reçue le' },
    ],
  },
  {
    legend: 'Médiation',
    when: (kind) => kind !== 'cpam',
    fields: [{ name: 'mediatorSeizedOn', label: 'Médiateur saisi le' }],
  },
  {
    legend: 'Décision de l’Assurance maladie',
    when: (kind) => kind === 'cpam',
    fields: [
      { name: 'cpamDecisionNotifiedOn', label: 'Notification de la décision de la CPAM le' },
      { name: 'craSeizedOn', label: 'Commission de recours amiable (CRA) saisie le' },
      { name: 'craDecisionNotifiedOn', label: 'Décision de la CRA notifiée le' },
    ],
  },
];

const OUTCOME = 'answerOutcome';
const OUTCOMES = [
  { id: 'accepted', label: 'Satisfaction totale' },
  { id: 'partial', label: 'Satisfaction partielle' },
  { id: 'rejected', label: 'Refus' },
];

const idOf = (name: string) => `fait-${name}`;

type Values = Record<string, string>;

/** Facts the page knows: the last save's answer, else the dated facts of the timeline and the file. */
function useKnownFacts(props: SectionProps): Values {
  const saved = useSavedFacts(props.dossier.id).data;
  const timeline = useTimeline(props.dossier.id).data;
  return useMemo(() => {
    const known: Values = {};
    for (const entry of timeline?.entries ?? []) {
      if (entry.kind === 'fact' && entry.ref.startsWith('fact:')) known[entry.ref.slice(5)] = entry.at;
    }
    if (props.dossier.complaintSentOn) known.complaintSentOn = props.dossier.complaintSentOn;
    if (saved) {
      for (const [name, value] of Object.entries(saved)) if (typeof value === 'string') known[name] = value;
    }
    return known;
  }, [saved, timeline, props.dossier.complaintSentOn]);
}

/** PATCH /facts: the dates that drive the deadlines. Only what changed is sent (null clears a date). */
export function FactsSection(props: SectionProps) {
  const { dossier, canWrite } = props;
  const known = useKnownFacts(props);
  const record = useRecordFacts(dossier.id);
  const [edited, setEdited] = useState<Values>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [saved, setSaved] = useState(false);

  const groups = GROUPS.filter((g) => !g.when || g.when(dossier.organisationKind));
  const names = [...groups.flatMap((g) => g.fields.map((f) => f.name)), OUTCOME];
  const order = names.map(idOf);
  const apiFields: Record<string, string> = {};
  for (const name of names) {
    apiFields[`facts.${name}`] = idOf(name);
    apiFields[name] = idOf(name);
  }
  const currentValue = (name: string) => edited[name] ?? known[name] ?? '';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const found: FieldErrors = {};
    const patch: Record<string, FactValue> = {};
    for (const name of Object.keys(edited)) {
      const typed = (edited[name] ?? '').trim();
      if (typed === (known[name] ?? '')) continue;
      if (name === OUTCOME) {
        patch[name] = typed === '' ? null : typed;
        continue;
      }
      if (typed === '') {
        patch[name] = null;
        continue;
      }
      // Some facts lie ahead (a renewal, the end of a contract): only the calendar and the years are checked.
      const read = readDateText(typed);
      if ('error' in read) found[idOf(name)] = read.error;
      else patch[name] = read.date;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setSummary(summaryOf(found, order));
      return;
    }
    if (Object.keys(patch).length === 0) {
      setSummary([{ message: 'Aucune date modifiée : rien à enregistrer.' }]);
      return;
    }
    setSummary([]);
    record.mutate(patch, {
      onSuccess: () => {
        setEdited({});
        setSaved(true);
      },
      onError: (error) => {
        const spread = errorsFromApi(error, apiFields);
        setErrors(spread.fields);
        setSummary(summaryOf(spread.fields, order, spread.general));
      },
    });
  }

  const set = (name: string) => (event: { target: { value: string } }) => {
    setSaved(false);
    setEdited((current) => ({ ...current, [name]: event.target.value }));
  };

  return (
    <Section
      id="faits"
      title="Faits et dates"
      lead="Les dates qui font courir les délais. Laissez vide ce qui n’a pas encore eu lieu."
    >
      {canWrite ? null : (
        <ReadOnlyNote>
          Lecture seule&nbsp;: seuls l’adhérent et les conseillers de l’organisme datent les faits du dossier.
        </ReadOnlyNote>
      )}
      <ErrorSummary id="faits-erreurs" items={summary} title="Les dates n’ont pas été enregistrées" />
      <form noValidate onSubmit={onSubmit} className="form facts-form">
        {groups.map((group) => (
          <fieldset key={group.legend} className="fieldset facts-form__group" disabled={!canWrite}>
            <legend>{group.legend}</legend>
            <div className="facts-form__grid">
              {group.fields.map((field) => (
                <Field
                  key={field.name}
                  id={idOf(field.name)}
                  label={field.label}
                  hint={field.hint}
                  error={errors[idOf(field.name)]}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      type="date"
                      className="input--short"
                      value={currentValue(field.name)}
                      onChange={set(field.name)}
                    />
                  )}
                </Field>
              ))}
              {group.fields.some((f) => f.name === 'answerReceivedOn') ? (
                <Field id={idOf(OUTCOME)} label="Sens de la réponse" error={errors[idOf(OUTCOME)]}>
                  {(aria) => (
                    <select {...aria} value={currentValue(OUTCOME)} onChange={set(OUTCOME)}>
                      <option value="">Non indiqué</option>
                      {OUTCOMES.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ) : null}
            </div>
          </fieldset>
        ))}
        {canWrite ? (
          <div className="form__actions">
            <button type="submit" className="button" disabled={record.isPending}>
              Enregistrer les dates
            </button>
            <span role="status" className="muted">
              {record.isPending
                ? 'Enregistrement…'
                : saved
                  ? 'Dates enregistrées : les délais et l’échelle des recours sont à jour.'
                  : ''}
            </span>
          </div>
        ) : null}
      </form>
    </Section>
  );
}
