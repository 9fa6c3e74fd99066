import type { Db } from '../../db/client.ts';
import { ethicsCases, lateFiles, mediatorInAnswers } from '../../db/repositories/audit-pack.ts';
import { organisationOf } from '../../db/repositories/users.ts';
import type { KpiPeriod } from '../../domain/kpi/period.ts';
import type { DecisionOutcome } from '../../domain/register/answer.ts';
import { DECISION_LABELS } from '../../domain/register/staff-summary.ts';
import { type CalendarDate, formatFrenchDate } from '../../domain/shared/calendar-date.ts';
import { renderPdfmake } from '../../pdf/pdfmake.ts';
import { kpiReport } from '../shared/kpi-report.ts';
import type { VerifyReport } from './verify.ts';

/** Files listed by name in each table; beyond, the pack gives the count and the register's export the detail. */
const LIST_LIMIT = 300;

const day = (d: string | null) => (d ? formatFrenchDate(d as CalendarDate) : '—');
const percent = (rate: number | null) =>
  rate === null ? 'sans objet' : `${(rate * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
const count = (n: number) => n.toLocaleString('fr-FR');

export interface AuditPackInput {
  organisationId: string;
  period: KpiPeriod;
  verification: VerifyReport;
  checkpoint: { treeSize: number; rootHash: string; issuedAt: string; keyId: string } | undefined;
  generatedAt: Date;
}

/** Everything the pack states, read in SQL (bounded lists), before rendering. */
export async function auditPackData(db: Db, input: AuditPackInput) {
  const scope = { organisationId: input.organisationId, ...input.period };
  const kpi = await kpiReport(db, input.organisationId, input.period); // fills kpi_calendar for the period
  const [late, mediator, ethics, org] = await Promise.all([
    lateFiles(db, scope, LIST_LIMIT),
    mediatorInAnswers(db, scope, LIST_LIMIT),
    ethicsCases(db, scope, LIST_LIMIT),
    organisationOf(db, input.organisationId),
  ]);
  return { kpi, late, mediator, ethics, organisationName: org?.name ?? 'Organisme', ...input };
}
export type AuditPackData = Awaited<ReturnType<typeof auditPackData>>;

const h2 = (text: string) => ({ text, fontSize: 13, bold: true, margin: [0, 14, 0, 6] });
const note = (text: string) => ({ text, fontSize: 9, color: '#444444', margin: [0, 2, 0, 6] });
const table = (head: string[], rows: string[][], widths?: (string | number)[]) => ({
  table: {
    headerRows: 1,
    widths: widths ?? head.map(() => '*'),
    body: [head.map((text) => ({ text, bold: true })), ...rows],
  },
  layout: 'lightHorizontalLines',
  fontSize: 9,
});
const truncated = (shown: number, total: number) =>
  total > shown
    ? [
        note(
          `${count(shown)} premiers dossiers sur ${count(total)} ; l’export du registre donne la liste complète.`,
        ),
      ]
    : [];

/** The audit pack of a period (issue 14): deadlines and late files, the mediator in answers, ethics, history. */
export function auditPackPdf(d: AuditPackData): Promise<Buffer> {
  const { kpi, late, mediator, ethics, verification: v, checkpoint } = d;
  const decision = (k: string) => DECISION_LABELS[k as DecisionOutcome] ?? k;
  return renderPdfmake({
    info: { title: `Dossier d’audit — ${d.organisationName}` },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    footer: (page: number, pages: number) => ({
      text: `${d.organisationName} — dossier d’audit — page ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: `Dossier d’audit — ${d.organisationName}`, fontSize: 17, bold: true },
      note(
        `Réclamations reçues du ${day(d.period.from)} au ${day(d.period.to)}, situation arrêtée au ${day(d.period.asOf)}. Édité le ${d.generatedAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}.`,
      ),
      h2('1. Délais de traitement (recommandation ACPR 2024-R-02)'),
      table(
        ['Indicateur', 'Valeur'],
        [
          ['Réclamations reçues', count(kpi.count)],
          ['Sans réponse à la date d’arrêté', count(kpi.openCount)],
          ['Accusés de réception en 10 jours ouvrables', percent(kpi.acknowledgedInTimeRate)],
          ['Réponses en 2 mois', percent(kpi.answeredInTimeRate)],
          [
            'Délai médian de réponse',
            kpi.medianDaysToAnswer === null
              ? 'sans objet'
              : `${kpi.medianDaysToAnswer.toLocaleString('fr-FR')} jours`,
          ],
        ],
        ['*', 'auto'],
      ),
      h2(`Dossiers en retard (${count(late.total)})`),
      late.files.length
        ? table(
            ['Référence', 'Reçue le', 'AR dû le', 'AR le', 'Réponse due le', 'Réponse le'],
            late.files.map((f) => [
              f.reference,
              day(f.receivedOn),
              day(f.ackDueOn),
              f.ackLate ? `${day(f.ackOn)} (retard)` : day(f.ackOn),
              day(f.answerDueOn),
              f.answerLate ? `${day(f.answerOn)} (retard)` : day(f.answerOn),
            ]),
          )
        : note('Aucun dossier en retard sur la période.'),
      ...truncated(late.files.length, late.total),
      h2('2. Mention du médiateur dans les réponses (C. consom. L616-1)'),
      note(
        `Réponses défavorables ou partielles de la période : ${count(mediator.answers)}, dont ${count(mediator.named)} rédigées dans Recours, qui citent le médiateur compétent. Les autres ont été enregistrées hors de Recours (historique importé, réponse envoyée par un autre moyen) : leur texte est à vérifier.`,
      ),
      mediator.unchecked.length
        ? table(
            ['Référence', 'Réponse le', 'Sens'],
            mediator.unchecked.map((a) => [a.reference, day(a.answeredOn), decision(a.decision)]),
          )
        : note('Toutes ces réponses citent le médiateur.'),
      ...truncated(mediator.unchecked.length, mediator.answers - mediator.named),
      h2(`3. Saisines du comité d’éthique (${count(ethics.length)})`),
      ethics.length
        ? table(
            ['Référence', 'Saisi le', 'État', 'Décidé le'],
            ethics.map((e) => [
              e.reference,
              day(e.openedOn),
              e.status === 'decided' ? 'Décidé' : 'En cours',
              day(e.decidedOn),
            ]),
          )
        : note('Aucune saisine sur la période.'),
      h2('4. Vérification de l’historique'),
      table(
        ['Contrôle', 'Résultat'],
        [
          [
            'Résultat',
            v.ok
              ? 'Historique intègre : aucune altération détectée'
              : `${count(v.breakCount)} anomalie(s) détectée(s)`,
          ],
          ['Événements vérifiés', count(v.events)],
          ['Chaînes (dossiers et organismes)', count(v.chains)],
          ['Points de contrôle signés vérifiés', count(v.checkpointsChecked)],
          ['Événements pas encore scellés', count(v.pending)],
        ],
        ['*', 'auto'],
      ),
      checkpoint
        ? note(
            `Dernier point de contrôle : ${count(checkpoint.treeSize)} événements, racine ${checkpoint.rootHash}, signé le ${new Date(checkpoint.issuedAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })} (clé ${checkpoint.keyId}). Conservez cette racine : une vérification ultérieure la retrouvera si rien n’a été modifié.`,
          )
        : note('Aucun point de contrôle n’a encore été signé.'),
    ],
  });
}
