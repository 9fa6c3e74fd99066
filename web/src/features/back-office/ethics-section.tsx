import { useState } from 'react';
import { Link } from 'react-router';
import { TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import type { DossierSectionProps } from '../../shared/dossier-section.ts';
import { Field } from '../../shared/ui/form.tsx';
import { useEthicsReviews, useEthicsStep } from './api.ts';
import { FormFeedback, StaffSection, useActionForm } from './staff-section.tsx';

/** « Saisir le comité d’éthique » from the file's page (supervisor): the question and the members' names. */
export function EthicsSection({ dossierId }: DossierSectionProps) {
  const reviews = useEthicsReviews();
  const step = useEthicsStep();
  const [question, setQuestion] = useState('');
  const [members, setMembers] = useState('');
  const form = useActionForm(['ethique-question', 'ethique-membres'], {
    question: 'ethique-question',
    committeeMembers: 'ethique-membres',
    'committeeMembers.0': 'ethique-membres',
  });
  const names = members
    .split('\n')
    .map((m) => m.trim())
    .filter(Boolean);
  const open = (reviews.data ?? []).find((r) => r.dossierId === dossierId && r.status === 'open');

  return (
    <StaffSection
      id="comite-ethique"
      title="Comité d’éthique"
      lead="Pour un cas complexe : le comité rend un avis, chaque membre vote, puis la décision est enregistrée."
    >
      {open ? (
        <p className="notice notice--info">
          Une saisine du comité est en cours pour ce dossier&nbsp;: « {open.question} ».{' '}
          <Link to="/comite-ethique">Suivre la saisine sur la page du comité d’éthique</Link>
        </p>
      ) : (
        <form
          noValidate
          aria-labelledby="ethique-form-titre"
          onSubmit={(e) =>
            form.run(
              e,
              () => {
                const errors: Record<string, string> = {};
                if (question.trim().length < 20) {
                  errors['ethique-question'] =
                    'Formulez la question posée au comité (20 caractères au moins).';
                }
                if (names.length === 0) errors['ethique-membres'] = 'Nommez au moins un membre du comité.';
                return errors;
              },
              async () => {
                await step.mutateAsync({
                  step: 'request',
                  dossierId,
                  question: question.trim(),
                  committeeMembers: names,
                });
                setQuestion('');
                setMembers('');
                return 'Le comité d’éthique est saisi.';
              },
            )
          }
        >
          <h3 id="ethique-form-titre">Saisir le comité d’éthique</h3>
          <FormFeedback id="ethique" summary={form.summary} done={form.done} />
          <Field
            id="ethique-question"
            label="Question posée au comité"
            error={form.errors['ethique-question']}
            count={{ length: question.length, max: TEXT_LIMITS.ethicsQuestion }}
          >
            {(aria) => (
              <textarea {...aria} rows={3} value={question} onChange={(e) => setQuestion(e.target.value)} />
            )}
          </Field>
          <Field
            id="ethique-membres"
            label="Membres du comité"
            hint="Un nom par ligne (exemple : Dr Claire Petit)."
            error={form.errors['ethique-membres']}
          >
            {(aria) => (
              <textarea {...aria} rows={3} value={members} onChange={(e) => setMembers(e.target.value)} />
            )}
          </Field>
          <button type="submit" className="button" disabled={step.isPending}>
            Saisir le comité d’éthique
          </button>
        </form>
      )}
    </StaffSection>
  );
}
