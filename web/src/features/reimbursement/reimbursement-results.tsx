import { type Ref, type RefObject, useEffect, useRef, useState } from 'react';
import { formatDate, formatEuros } from '../../shared/format.ts';
import type { ActResult, Explanation, Shortfall, Simulation, Totals } from './api.ts';
import { actKindLabel, PAYER_LABELS } from './labels.ts';

/** One line of the breakdown of an act, and the explanations (by `field`) that say where its amount comes from. */
interface Line {
  key: string;
  label: string;
  value: (a: ActResult) => string;
  fields: string[];
  strong?: boolean;
  show?: (a: ActResult) => boolean;
}

const rate = (n: number) => `${String(n).replace('.', ',')}\u00a0%`;

const LINES: Line[] = [
  {
    key: 'prix',
    label: 'Prix payé',
    value: (a) => formatEuros(a.pricePaid),
    fields: ['pricePaid', 'depassement'],
  },
  {
    key: 'forfait',
    label: 'Forfait journalier',
    value: (a) => formatEuros(a.forfaitJournalier),
    fields: ['forfaitJournalier'],
    show: (a) => a.forfaitJournalier > 0,
  },
  {
    key: 'base',
    label: 'Base de remboursement',
    value: (a) => formatEuros(a.baseRemboursement),
    fields: ['baseRemboursement'],
  },
  { key: 'taux', label: 'Taux de la Sécurité sociale', value: (a) => rate(a.amoRate), fields: ['amoRate'] },
  {
    key: 'brute',
    label: 'Part Sécurité sociale brute',
    value: (a) => formatEuros(a.amoGross),
    fields: ['amoGross'],
  },
  {
    key: 'retenues',
    label: 'Participation forfaitaire / franchises',
    value: (a) => formatEuros(a.participationForfaitaire + a.franchise),
    fields: ['participationForfaitaire', 'franchise'],
  },
  {
    key: 'nette',
    label: 'Part Sécurité sociale nette',
    value: (a) => formatEuros(a.amoNet),
    fields: ['amoNet'],
    strong: true,
  },
  {
    key: 'tm',
    label: 'Ticket modérateur',
    value: (a) => formatEuros(a.ticketModerateur),
    fields: ['ticketModerateur', 'majorationHorsParcours', 'heavyActFlat', 'emergencyFlat'],
  },
  {
    key: 'mutuelle',
    label: 'Part mutuelle',
    value: (a) => formatEuros(a.amc),
    fields: ['amc'],
    strong: true,
  },
  {
    key: 'reste',
    label: 'Reste à charge',
    value: (a) => formatEuros(a.resteACharge),
    fields: ['resteACharge'],
    strong: true,
  },
];
const EXPLAINED = new Set(LINES.flatMap((l) => l.fields));

function actTitle(act: Pick<ActResult, 'kind' | 'date'>, index: number): string {
  return `Acte n°\u00a0${index + 1}\u00a0: ${actKindLabel(act.kind)} du ${formatDate(act.date)}`;
}

/** The domain uses the kind id when no label was typed: only a real label is shown. */
function ownLabel(act: ActResult): string | null {
  return act.label && act.label !== act.kind ? act.label : null;
}

function ExplanationList({ items }: { items: Explanation[] }) {
  return (
    <ul className="rb-explanations">
      {items.map((e) => (
        <li key={`${e.field}:${e.code}:${e.text}`}>
          <p>{e.text}</p>
          <p className="rb-explanations__source">
            <span className="rb-explanations__source-label">Source&nbsp;:</span> {e.source}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ActBreakdown({ act }: { act: ActResult }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const lines = LINES.filter((l) => !l.show || l.show(act));
  const explanationsOf = (line: Line) => act.explanations.filter((e) => line.fields.includes(e.field));
  const others = act.explanations.filter((e) => !EXPLAINED.has(e.field));
  const expandable = lines.filter((l) => explanationsOf(l).length > 0 || l.key === 'mutuelle');
  const allOpen = expandable.every((l) => open.has(l.key));
  const rowId = (line: Line) => `rb-detail-${act.index}-${line.key}`;
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const label = ownLabel(act);

  return (
    <div className="rb-act">
      <div className="rb-act__tools rb-no-print">
        <button
          type="button"
          className="button button--tertiary button--small"
          onClick={() => setOpen(allOpen ? new Set() : new Set(expandable.map((l) => l.key)))}
        >
          {allOpen ? 'Masquer les explications' : 'Afficher toutes les explications'}
          <span className="sr-only"> de l’acte n°&nbsp;{act.index + 1}</span>
        </button>
      </div>
      <div className="table-wrapper">
        <table className="table rb-breakdown">
          <caption>
            {actTitle(act, act.index)}
            {label ? <span className="rb-breakdown__label">{label}</span> : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">Montant</th>
              <th scope="col" className="num">
                Somme
              </th>
              <th scope="col">
                <span className="rb-no-print">Explication</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const explanations = explanationsOf(line);
              const components = line.key === 'mutuelle' ? act.amcComponents : [];
              const hasDetail = explanations.length > 0 || components.length > 0;
              const isOpen = open.has(line.key);
              return [
                <tr key={line.key} className={line.strong ? 'rb-breakdown__strong' : undefined}>
                  <th scope="row">{line.label}</th>
                  <td className="num nowrap">{line.value(act)}</td>
                  <td>
                    {hasDetail ? (
                      <button
                        type="button"
                        className="rb-toggle rb-no-print"
                        aria-expanded={isOpen}
                        aria-controls={rowId(line)}
                        onClick={() => toggle(line.key)}
                      >
                        {isOpen ? 'Masquer' : 'Détail'}
                        <span className="sr-only"> : {line.label}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>,
                hasDetail ? (
                  <tr
                    key={`${line.key}-detail`}
                    id={rowId(line)}
                    className="rb-breakdown__detail"
                    hidden={!isOpen}
                  >
                    <td colSpan={3}>
                      <ExplanationList items={explanations} />
                      {components.length > 0 ? (
                        <ul className="rb-components">
                          {components.map((c) => (
                            <li key={`${c.component}:${c.guarantee?.index ?? c.payer}`}>
                              {c.guarantee
                                ? `Garantie «\u00a0${c.guarantee.label}\u00a0» (${c.guarantee.value})`
                                : c.payer === 'c2s'
                                  ? 'Complémentaire santé solidaire'
                                  : c.payer === 'ame'
                                    ? 'Aide médicale de l’État'
                                    : 'Aucune garantie'}
                              {c.component === 'forfait_journalier' ? ', forfait journalier' : ''}
                              &nbsp;: {formatEuros(c.amount)}
                              {c.imposedByLaw > 0
                                ? `, dont ${formatEuros(c.imposedByLaw)} imposés par le contrat responsable`
                                : ''}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      </div>
      {others.length > 0 ? (
        <div className="rb-act__others">
          <p className="rb-act__others-title">À savoir pour cet acte</p>
          <ExplanationList items={others} />
        </div>
      ) : null}
    </div>
  );
}

function KeyFigures({ totals }: { totals: Totals }) {
  const figures = [
    { label: 'Dépense totale', value: totals.totalExpense },
    { label: 'Sécurité sociale', value: totals.amoNet },
    { label: 'Mutuelle', value: totals.amc },
    { label: 'Reste à charge', value: totals.resteACharge },
  ];
  return (
    <dl className="rb-figures">
      {figures.map((f) => (
        <div key={f.label} className="rb-figures__item">
          <dt>{f.label}</dt>
          <dd>{formatEuros(f.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function TotalsTable({ totals, count }: { totals: Totals; count: number }) {
  const rows: [string, number, boolean?][] = [
    ['Prix payé', totals.pricePaid],
    ...(totals.forfaitJournalier > 0
      ? ([['Forfait journalier', totals.forfaitJournalier]] as [string, number][])
      : []),
    ['Base de remboursement', totals.baseRemboursement],
    ['Part Sécurité sociale brute', totals.amoGross],
    ['Participation forfaitaire / franchises', totals.participationForfaitaire + totals.franchise],
    ['Part Sécurité sociale nette', totals.amoNet, true],
    ['Ticket modérateur', totals.ticketModerateur],
    ['Part mutuelle', totals.amc, true],
    ['Reste à charge', totals.resteACharge, true],
  ];
  return (
    <div className="table-wrapper">
      <table className="table rb-breakdown rb-totals">
        <caption>Totaux pour {count === 1 ? 'l’acte saisi' : `les ${count} actes saisis`}</caption>
        <thead>
          <tr>
            <th scope="col">Montant</th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value, strong]) => (
            <tr key={label} className={strong ? 'rb-breakdown__strong' : undefined}>
              <th scope="row">{label}</th>
              <td className="num nowrap">{formatEuros(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Copies a sentence; where the Clipboard API is refused (plain http), selects it for Ctrl+C. */
async function copyText(text: string, element: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!element) return false;
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return false;
  }
}

function ShortfallCard({
  shortfall,
  act,
  index,
}: {
  shortfall: Shortfall;
  act: ActResult | undefined;
  index: number;
}) {
  const [copied, setCopied] = useState<'' | 'ok' | 'selected'>('');
  const sentenceRef = useRef<HTMLQuoteElement>(null);
  const under = shortfall.direction === 'underpaid';
  const payer = PAYER_LABELS[shortfall.payer] ?? shortfall.payer;
  const amount = formatEuros(Math.abs(shortfall.difference));
  const sentenceId = `rb-phrase-${index}`;
  return (
    <li className={`rb-shortfall ${under ? 'rb-shortfall--under' : 'rb-shortfall--over'}`}>
      <h4 className="rb-shortfall__title">
        {act ? `${actKindLabel(act.kind)} du ${formatDate(act.date)}` : formatDate(shortfall.date)}
        {act && ownLabel(act) ? <span className="rb-shortfall__label">{ownLabel(act)}</span> : null}
      </h4>
      <p className="rb-shortfall__gap">
        {under ? `Il manque ${amount}` : `${amount} versés en trop`}
        <span className="rb-shortfall__who"> — part de {payer}</span>
      </p>
      <dl className="rb-shortfall__facts">
        <div>
          <dt>Attendu</dt>
          <dd>{formatEuros(shortfall.expected)}</dd>
        </div>
        <div>
          <dt>Versé</dt>
          <dd>{formatEuros(shortfall.paid)}</dd>
        </div>
        <div>
          <dt>Écart</dt>
          <dd>{formatEuros(shortfall.difference)}</dd>
        </div>
      </dl>
      {shortfall.guarantees.length > 0 ? (
        <p className="rb-shortfall__guarantees">
          {shortfall.guarantees.length === 1 ? 'Garantie appliquée' : 'Garanties appliquées'}&nbsp;:{' '}
          {shortfall.guarantees.map((g) => `«\u00a0${g.label}\u00a0» (${g.value})`).join(' ; ')}
        </p>
      ) : null}
      <p className="rb-shortfall__quote-label">Phrase à citer dans votre réclamation&nbsp;:</p>
      <blockquote className="rb-shortfall__quote" id={sentenceId} ref={sentenceRef}>
        {shortfall.sentence}
      </blockquote>
      <div className="rb-shortfall__actions rb-no-print">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-describedby={sentenceId}
          onClick={async () =>
            setCopied((await copyText(shortfall.sentence, sentenceRef.current)) ? 'ok' : 'selected')
          }
        >
          Copier
        </button>
        <span role="status" className="rb-shortfall__copied">
          {copied === 'ok'
            ? 'Phrase copiée dans le presse-papiers.'
            : copied === 'selected'
              ? 'Copie automatique refusée par le navigateur\u00a0: la phrase est sélectionnée, copiez-la avec Ctrl+C.'
              : ''}
        </span>
      </div>
    </li>
  );
}

/** Opens the collapsed explanations while printing: the paper shows every amount with its reason. */
function usePrintEverything(root: RefObject<HTMLElement | null>) {
  useEffect(() => {
    let opened: HTMLElement[] = [];
    const before = () => {
      opened = Array.from(root.current?.querySelectorAll<HTMLElement>('.rb-breakdown__detail[hidden]') ?? []);
      for (const row of opened) row.hidden = false;
    };
    const after = () => {
      for (const row of opened) row.hidden = true;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [root]);
}

interface ReimbursementResultsProps {
  result: Simulation;
  /** Whether the person gave amounts received (otherwise no shortfall can be looked for). */
  hadPayments: boolean;
  headingRef: Ref<HTMLHeadingElement>;
}

/** The breakdown a member can read and print: key figures, shortfalls, each act, totals, points to check. */
export function ReimbursementResults({ result, hadPayments, headingRef }: ReimbursementResultsProps) {
  const sectionRef = useRef<HTMLElement>(null);
  usePrintEverything(sectionRef);
  const under = result.shortfalls.filter((s) => s.direction === 'underpaid');
  const missing = under.reduce((sum, s) => sum + s.difference, 0);

  return (
    <section className="rb-results" aria-labelledby="rb-resultats" ref={sectionRef}>
      <div className="rb-results__head">
        <h2 id="rb-resultats" ref={headingRef} tabIndex={-1}>
          Résultat de la vérification
        </h2>
        <button type="button" className="button button--secondary rb-no-print" onClick={() => window.print()}>
          Imprimer
        </button>
      </div>
      <KeyFigures totals={result.totals} />

      <section className="rb-block" aria-labelledby="rb-ecarts">
        <h3 id="rb-ecarts">Écarts avec ce que vous avez reçu</h3>
        {result.shortfalls.length > 0 ? (
          <>
            <p>
              {under.length > 0
                ? `Selon ce calcul, il vous manque ${formatEuros(missing)} au total. `
                : 'Aucun montant ne manque, mais des sommes ont été versées en trop. '}
              Chaque écart est accompagné d’une phrase à reprendre dans votre réclamation écrite.
            </p>
            <ol className="rb-shortfalls">
              {result.shortfalls.map((s, i) => (
                <ShortfallCard
                  key={`${s.actId}:${s.payer}`}
                  shortfall={s}
                  act={result.acts[s.actIndex]}
                  index={i}
                />
              ))}
            </ol>
          </>
        ) : hadPayments ? (
          <div className="notice notice--success">
            <p>Les montants que vous avez reçus correspondent au calcul.</p>
          </div>
        ) : (
          <p className="muted">
            Indiquez ce que l’Assurance maladie et votre mutuelle vous ont versé pour chaque acte&nbsp;:
            Recours signalera les écarts.
          </p>
        )}
      </section>

      <section className="rb-block" aria-labelledby="rb-detail">
        <h3 id="rb-detail">Le détail, acte par acte</h3>
        <p className="muted rb-no-print">
          Le bouton «&nbsp;Détail&nbsp;» de chaque ligne donne le calcul et sa source.
        </p>
        {result.acts.map((act) => (
          <ActBreakdown key={act.index} act={act} />
        ))}
      </section>

      <section className="rb-block" aria-labelledby="rb-totaux">
        <h3 id="rb-totaux">Totaux</h3>
        <TotalsTable totals={result.totals} count={result.acts.length} />
        {result.yearCounters.length > 0 ? (
          <ul className="rb-counters">
            {result.yearCounters.map((y) => (
              <li key={y.year}>
                En {y.year}, participations forfaitaires retenues&nbsp;:{' '}
                {formatEuros(y.participationForfaitaire)} sur 50,00&nbsp;€ au plus&nbsp;; franchises&nbsp;:{' '}
                {formatEuros(y.franchises)} sur 50,00&nbsp;€ au plus.
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {result.warnings.length > 0 ? (
        <section className="rb-block" aria-labelledby="rb-avertissements">
          <h3 id="rb-avertissements">Points à vérifier</h3>
          <div className="notice notice--info rb-warnings">
            <p>
              Ces paramètres ne sont pas tranchés par les textes disponibles&nbsp;: comparez avec votre
              décompte.
            </p>
            <ExplanationList items={result.warnings} />
          </div>
        </section>
      ) : null}
      <p className="muted rb-disclaimer">
        Ce calcul applique les barèmes en vigueur à la date de chaque acte. Il ne remplace pas le décompte de
        l’Assurance maladie ni le conseil d’un professionnel.
      </p>
    </section>
  );
}
