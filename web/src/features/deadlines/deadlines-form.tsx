import { type FormEvent, useEffect, useState } from 'react';
import { ChoiceGroup } from '../../shared/ui/choice-group.tsx';
import { Field, type FieldErrors } from '../../shared/ui/form.tsx';
import {
  type DeadlinesFormValues,
  type FactFieldDef,
  fieldVisible,
  type GroupDef,
  type GroupId,
  ids,
  newLetter,
  OPTIONS,
  type OptionDef,
  openGroups,
  optionVisible,
  visibleGroups,
} from './form-model.ts';
import { ORGANISATION_CHOICES, type OrganisationType, ZONE_CHOICES, type Zone } from './labels.ts';

interface DeadlinesFormProps {
  values: DeadlinesFormValues;
  onChange: (update: (current: DeadlinesFormValues) => DeadlinesFormValues) => void;
  errors: FieldErrors;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/** « Calculer mes délais »: the context, then the facts by situation, shown as the person opens each group. */
export function DeadlinesForm({ values, onChange, errors, pending, onSubmit }: DeadlinesFormProps) {
  // After « Ajouter une lettre », the new date control takes the focus.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
  }, [focusId]);

  const setFact = (key: string, value: string) =>
    onChange((v) => ({ ...v, facts: { ...v.facts, [key]: value } }));
  const setGroup = (id: GroupId, open: boolean) =>
    onChange((v) => ({ ...v, groups: { ...v.groups, [id]: open } }));

  function renderField(field: FactFieldDef) {
    if (!fieldVisible(field, values)) return null;
    if (field.type === 'letters') return renderLetters(field);
    const id = ids.fact(field.key);
    if (field.type === 'choice') {
      return (
        <ChoiceGroup
          key={field.key}
          id={id}
          name={field.key}
          legend={field.legend}
          hint={field.hint}
          error={errors[id]}
          choices={field.choices}
          value={values.facts[field.key] ?? ''}
          onChange={(value) => setFact(field.key, value)}
          inline={field.choices.length === 2 && field.choices[0]!.label === 'Oui'}
        />
      );
    }
    return (
      <Field key={field.key} id={id} label={field.label} hint={field.hint} error={errors[id]} optional>
        {(aria) => (
          <input
            {...aria}
            type="date"
            className="input--short"
            value={values.facts[field.key] ?? ''}
            onChange={(event) => setFact(field.key, event.target.value)}
          />
        )}
      </Field>
    );
  }

  // A render function, not a component: a component declared here would remount, and lose the focus, on every key.
  function renderLetters(field: Extract<FactFieldDef, { type: 'letters' }>) {
    const hintId = `${ids.fact(field.key)}-aide`;
    return (
      <fieldset key={field.key} className="dl-letters" aria-describedby={hintId}>
        <legend className="dl-choices__legend">{field.legend}</legend>
        <p className="field__hint" id={hintId}>
          {field.hint}
        </p>
        <ol className="dl-letters__list">
          {values.letters.map((row, index) => {
            const id = ids.letter(row.key);
            return (
              <li key={row.key} className="dl-letters__row">
                <Field id={id} label={`Lettre n°\u00a0${index + 1} envoyée le`} error={errors[id]}>
                  {(aria) => (
                    <input
                      {...aria}
                      type="date"
                      className="input--short"
                      value={row.value}
                      onChange={(event) =>
                        onChange((v) => ({
                          ...v,
                          letters: v.letters.map((l) =>
                            l.key === row.key ? { ...l, value: event.target.value } : l,
                          ),
                        }))
                      }
                    />
                  )}
                </Field>
                {values.letters.length > 1 ? (
                  <button
                    type="button"
                    className="button button--tertiary button--small"
                    onClick={() => {
                      const next = values.letters[index + 1] ?? values.letters[index - 1];
                      onChange((v) => ({ ...v, letters: v.letters.filter((l) => l.key !== row.key) }));
                      setFocusId(next ? ids.letter(next.key) : null);
                    }}
                  >
                    Retirer<span className="sr-only"> la lettre n°&nbsp;{index + 1}</span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
        <div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              const letter = newLetter();
              onChange((v) => ({ ...v, letters: [...v.letters, letter] }));
              setFocusId(ids.letter(letter.key));
            }}
          >
            Ajouter une lettre recommandée
          </button>
        </div>
      </fieldset>
    );
  }

  function renderGroup(group: GroupDef) {
    return (
      <fieldset key={group.id} id={ids.group(group.id)} className="fieldset dl-group">
        <legend className="dl-group__legend">{group.title}</legend>
        <div className="dl-group__fields">{group.fields.map(renderField)}</div>
      </fieldset>
    );
  }

  function renderOption(def: OptionDef) {
    if (!optionVisible(def, values)) return null;
    const id = ids.option(def.key);
    const value = values.options[def.key] ?? def.default;
    const setOption = (next: string | string[]) =>
      onChange((v) => ({ ...v, options: { ...v.options, [def.key]: next } }));
    if (def.type === 'number') {
      return (
        <Field key={def.key} id={id} label={def.label} hint={def.hint} error={errors[id]}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              className="dl-input--tiny"
              value={String(value)}
              onChange={(event) => setOption(event.target.value)}
            />
          )}
        </Field>
      );
    }
    if (def.type === 'choice') {
      return (
        <ChoiceGroup
          key={def.key}
          id={id}
          name={`option-${def.key}`}
          legend={def.legend}
          hint={def.hint}
          error={errors[id]}
          choices={def.choices}
          value={String(value)}
          onChange={setOption}
        />
      );
    }
    const list = Array.isArray(value) ? value : [];
    const hintId = `${id}-aide`;
    return (
      <fieldset key={def.key} className="dl-choices" aria-describedby={hintId}>
        <legend className="dl-choices__legend">{def.legend}</legend>
        <p className="field__hint" id={hintId}>
          {def.hint}
        </p>
        {errors[id] ? <p className="field__error">{errors[id]}</p> : null}
        <div className="dl-choices__list dl-choices__list--columns">
          {def.choices.map((choice, index) => {
            const boxId = index === 0 ? id : `${id}-${index}`;
            return (
              <div className="dl-choice" key={choice.value}>
                <input
                  type="checkbox"
                  id={boxId}
                  checked={list.includes(choice.value)}
                  onChange={(event) =>
                    setOption(
                      event.target.checked ? [...list, choice.value] : list.filter((c) => c !== choice.value),
                    )
                  }
                />
                <label htmlFor={boxId}>{choice.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    );
  }

  const groups = visibleGroups(values);
  const open = openGroups(values);

  return (
    <form noValidate onSubmit={onSubmit} className="dl-form" aria-describedby="dl-form-intro">
      <p id="dl-form-intro" className="muted">
        Seuls le type d’organisme et la date du jour sont obligatoires. Rien n’est enregistré&nbsp;: le calcul
        se fait à partir des dates que vous saisissez.
      </p>

      <fieldset className="fieldset dl-section">
        <legend className="dl-section__legend">Votre situation</legend>
        <ChoiceGroup
          id={ids.organisationType}
          name="organisationType"
          legend="Votre litige vous oppose à"
          error={errors[ids.organisationType]}
          choices={ORGANISATION_CHOICES}
          value={values.organisationType}
          onChange={(value) => onChange((v) => ({ ...v, organisationType: value as OrganisationType }))}
        />
        <ChoiceGroup
          id={ids.zone}
          name="zone"
          legend="Vous habitez"
          hint="Pour le calendrier des jours fériés."
          error={errors[ids.zone]}
          choices={ZONE_CHOICES}
          value={values.zone}
          onChange={(value) => onChange((v) => ({ ...v, zone: value as Zone }))}
        />
        <Field
          id={ids.today}
          label="Date du jour"
          hint="Aujourd’hui par défaut. Changez-la pour voir où en seraient vos délais à une autre date."
          error={errors[ids.today]}
        >
          {(aria) => (
            <input
              {...aria}
              type="date"
              className="input--short"
              required
              value={values.today}
              onChange={(event) => onChange((v) => ({ ...v, today: event.target.value }))}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="fieldset dl-section" aria-describedby="dl-steps-hint">
        <legend className="dl-section__legend">Ce qui s’est passé</legend>
        <p id="dl-steps-hint" className="field__hint">
          Cochez ce qui concerne votre litige&nbsp;: les questions correspondantes s’affichent en dessous.
          Indiquez seulement les dates que vous connaissez.
        </p>
        <div className="dl-choices__list">
          {groups.map((group) => (
            <div className="dl-choice" key={group.id}>
              <input
                type="checkbox"
                id={ids.toggle(group.id)}
                checked={values.groups[group.id]}
                aria-controls={values.groups[group.id] ? ids.group(group.id) : undefined}
                onChange={(event) => setGroup(group.id, event.target.checked)}
              />
              <label htmlFor={ids.toggle(group.id)}>
                {group.toggle}
                {group.hint ? <span className="dl-choice__hint">{group.hint}</span> : null}
              </label>
            </div>
          ))}
        </div>
        {groups.length > open.length && open.length > 0 ? (
          <p className="field__hint">
            Décocher une rubrique la retire du calcul sans effacer les dates que vous y avez saisies.
          </p>
        ) : null}
      </fieldset>

      {open.map(renderGroup)}

      <details
        className="dl-options"
        open={values.optionsOpen}
        onToggle={(event) => {
          const isOpen = event.currentTarget.open;
          onChange((v) => (v.optionsOpen === isOpen ? v : { ...v, optionsOpen: isOpen }));
        }}
      >
        <summary>Options de calcul (avancé)</summary>
        <div className="dl-options__body">
          <p className="field__hint">
            Les textes laissent quelques points ouverts. Les valeurs proposées sont celles retenues par défaut
            et rappelées avec les résultats.
          </p>
          {OPTIONS.map(renderOption)}
        </div>
      </details>

      <div className="form__actions">
        <button type="submit" className="button button--large" disabled={pending}>
          Calculer mes délais
        </button>
        {pending ? (
          <span role="status" className="muted">
            Calcul en cours…
          </span>
        ) : null}
      </div>
    </form>
  );
}
