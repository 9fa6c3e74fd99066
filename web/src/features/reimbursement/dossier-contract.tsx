import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { dossierListSchema } from '../../../../src/contracts/api/dossiers.ts';
import { storedContractSchema } from '../../../../src/contracts/api/reimbursement.ts';
import type { ReimbursementInput } from '../../../../src/domain/reimbursement/schema.ts';
import { apiGet, apiSend, errorMessage } from '../../shared/api-client.ts';
import { useSession } from '../../shared/session.ts';
import { buildInput, exampleValues, guaranteeRowOf, type ReimbursementFormValues } from './form-model.ts';

type ContractInput = NonNullable<ReimbursementInput['contract']>;

const contractUrl = (dossierId: string) => `/api/v1/dossiers/${encodeURIComponent(dossierId)}/contract`;

/**
 * The contract as typed in the form, validated as the form validates it. The acts and the patient are not part
 * of a contract: the example stands in for them so that only the guarantees' own errors count.
 */
function contractOf(values: ReimbursementFormValues): { contract: ContractInput } | { problems: string[] } {
  if (values.hasContract !== 'yes') {
    return {
      problems: [
        'Indiquez d’abord les garanties de votre contrat (« Avez-vous les garanties de votre contrat ? » : oui).',
      ],
    };
  }
  const built = buildInput(
    {
      ...exampleValues(),
      hasContract: 'yes',
      contractName: values.contractName,
      responsible: values.responsible,
      guarantees: values.guarantees,
    },
    new Set(),
  );
  const contract = built.input?.contract;
  if (!contract) {
    const problems = Object.values(built.errors).filter((m): m is string => Boolean(m));
    return { problems: problems.length ? problems : ['Le tableau de garanties est incomplet.'] };
  }
  return { contract };
}

interface Props {
  values: ReimbursementFormValues;
  onChange: (update: (values: ReimbursementFormValues) => ReimbursementFormValues) => void;
}

/**
 * For a signed-in member: store the table of guarantees of the form with one of his files (issue #4), or load the
 * one a file already holds into the form.
 */
export function DossierContractPanel({ values, onChange }: Props) {
  const session = useSession();
  const isMember = session.data?.user?.role === 'member';
  const selectId = useId();
  const [dossierId, setDossierId] = useState('');
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const dossiers = useQuery({
    queryKey: ['reimbursement', 'my-dossiers'],
    enabled: isMember,
    queryFn: async ({ signal }) => (await apiGet('/api/v1/dossiers', dossierListSchema, signal)).dossiers,
  });

  const save = useMutation({
    mutationFn: ({ id, contract }: { id: string; contract: ContractInput }) =>
      apiSend(contractUrl(id), { method: 'PUT', body: contract, schema: storedContractSchema }),
  });
  const load = useMutation({
    mutationFn: (id: string) => apiGet(contractUrl(id), storedContractSchema),
  });

  if (!isMember) return null;
  const list = dossiers.data ?? [];
  const chosen = dossierId || list[0]?.id || '';
  const pending = save.isPending || load.isPending;
  const label = (id: string) => {
    const d = list.find((x) => x.id === id);
    return d ? `${d.reference} (${d.title})` : 'le dossier';
  };

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    const built = contractOf(values);
    if ('problems' in built) {
      setStatus({ text: `Tableau non enregistré : ${built.problems.join(' ')}`, error: true });
      return;
    }
    setStatus(null);
    save.mutate(
      { id: chosen, contract: built.contract },
      {
        onSuccess: (answer) =>
          setStatus({
            text: `Tableau de garanties enregistré dans ${label(chosen)} (${answer.contract?.guarantees.length ?? 0} ligne(s)).`,
            error: false,
          }),
        onError: (error) => setStatus({ text: errorMessage(error), error: true }),
      },
    );
  }

  function onLoad() {
    if (!chosen) return;
    setStatus(null);
    load.mutate(chosen, {
      onSuccess: ({ contract }) => {
        if (!contract) {
          setStatus({
            text: `Aucun tableau de garanties n’est enregistré dans ${label(chosen)}.`,
            error: true,
          });
          return;
        }
        const c = contract as unknown as ContractInput;
        onChange((v) => ({
          ...v,
          hasContract: 'yes',
          contractName: c.name ?? '',
          responsible: c.responsible === false ? 'false' : 'true',
          guarantees: c.guarantees.map(guaranteeRowOf),
        }));
        setStatus({
          text: `Tableau de garanties de ${label(chosen)} chargé dans le formulaire (${c.guarantees.length} ligne(s)).`,
          error: false,
        });
      },
      onError: (error) => setStatus({ text: errorMessage(error), error: true }),
    });
  }

  return (
    <section className="rb-dossier-contract rb-no-print" aria-labelledby={`${selectId}-titre`}>
      <h2 id={`${selectId}-titre`} className="rb-dossier-contract__title">
        Enregistrer ce tableau de garanties dans un dossier
      </h2>
      {dossiers.isPending ? (
        <p role="status">Chargement de vos dossiers…</p>
      ) : dossiers.isError ? (
        <p role="status">{errorMessage(dossiers.error)}</p>
      ) : list.length === 0 ? (
        <p className="field__hint">Vous n’avez pas encore de dossier où enregistrer ce tableau.</p>
      ) : (
        <form onSubmit={onSave} noValidate>
          <div className="field">
            <label htmlFor={selectId}>Dossier</label>
            <select id={selectId} value={chosen} onChange={(e) => setDossierId(e.target.value)}>
              {list.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.reference} — {d.title}
                </option>
              ))}
            </select>
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--small" disabled={pending}>
              Enregistrer ce tableau de garanties dans le dossier
            </button>
            <button
              type="button"
              className="button button--tertiary button--small"
              disabled={pending}
              onClick={onLoad}
            >
              Charger le tableau d’un dossier
            </button>
          </div>
        </form>
      )}
      <p role="status" className={status?.error ? 'field__error' : 'muted'}>
        {pending ? 'Envoi en cours…' : (status?.text ?? '')}
      </p>
    </section>
  );
}
