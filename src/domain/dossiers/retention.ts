import { fail, ok, type Result } from '../shared/result.ts';

/**
 * How long each kind of personal data is kept (RGPD art. 5-1-e: storage limitation), as configuration: each
 * duration with its starting point and its source. ⚠ marks a value the texts do not fix, chosen here and open to
 * review by the data protection officer; every value can be overridden by its `RETENTION_*` variable.
 */
export const RETENTION_KINDS = [
  'closed_dossier',
  'dossier_documents',
  'abandoned_draft',
  'session',
  'access_log',
  'notification',
  'inactive_account',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export interface RetentionRule {
  kind: RetentionKind;
  label: string;
  amount: number;
  unit: 'hours' | 'months';
  /** The instant the period starts from, in words (the row gives the value). */
  from: string;
  source: string;
  /** false (⚠): no text fixes this duration; it is our choice. */
  settled: boolean;
  env: string;
}

export const DEFAULT_RETENTION_RULES: readonly RetentionRule[] = [
  {
    kind: 'closed_dossier',
    label: 'Dossier clos (faits, contacts, messages, historique)',
    amount: 60,
    unit: 'months',
    from: 'la clôture du dossier',
    source:
      'C. civ. art. 2224 : prescription de droit commun de 5 ans, la plus longue des actions possibles (les actions nées du contrat se prescrivent par 2 ans : C. assur. L114-1, C. mutualité L221-11, CSS L932-13) ; archivage intermédiaire le temps de la prescription (CNIL, guide pratique « Les durées de conservation », 2020) ; le registre des réclamations exigé par l’ACPR (recommandation 2024-R-02) garde la ligne du dossier, sans données personnelles.',
    settled: true,
    env: 'RETENTION_CLOSED_DOSSIER_MONTHS',
  },
  {
    kind: 'dossier_documents',
    label: 'Pièces justificatives d’un dossier clos',
    amount: 60,
    unit: 'months',
    from: 'la clôture du dossier',
    source: 'Conservées avec le dossier qu’elles prouvent (même durée, C. civ. art. 2224).',
    settled: true,
    env: 'RETENTION_DOCUMENT_MONTHS',
  },
  {
    kind: 'abandoned_draft',
    label: '⚠ Brouillon jamais envoyé',
    amount: 36,
    unit: 'months',
    from: 'la dernière modification',
    source:
      '⚠ Aucun texte : 3 ans d’inactivité, par analogie avec la durée retenue par la CNIL pour les comptes et prospects inactifs.',
    settled: false,
    env: 'RETENTION_ABANDONED_DRAFT_MONTHS',
  },
  {
    kind: 'session',
    label: 'Session de connexion',
    amount: 12,
    unit: 'hours',
    from: 'l’ouverture de la session',
    source:
      'Durée de la session (SESSION_TTL_HOURS, docs/decisions/0003-sessions-not-jwt.md) : rien n’est gardé après.',
    settled: true,
    env: 'RETENTION_SESSION_HOURS',
  },
  {
    kind: 'access_log',
    label: '⚠ Journal des consultations (qui a lu quel dossier, quel document)',
    amount: 12,
    unit: 'months',
    from: 'la consultation',
    source:
      '⚠ CNIL, recommandation sur la journalisation (2021) : 6 mois à 1 an. Purger ces lignes suppose de réancrer la chaîne de hachage du journal d’audit.',
    settled: false,
    env: 'RETENTION_ACCESS_LOG_MONTHS',
  },
  {
    kind: 'notification',
    label: '⚠ Notification dans l’application',
    amount: 12,
    unit: 'months',
    from: 'l’envoi de la notification',
    source: '⚠ Aucun texte : un an suffit à retrouver un rappel ; le dossier garde les faits eux-mêmes.',
    settled: false,
    env: 'RETENTION_NOTIFICATION_MONTHS',
  },
  {
    kind: 'inactive_account',
    label: '⚠ Compte d’adhérent sans dossier ouvert',
    amount: 36,
    unit: 'months',
    from: 'la dernière connexion',
    source: '⚠ CNIL (comptes inactifs) : 3 ans après le dernier contact, après avertissement de la personne.',
    settled: false,
    env: 'RETENTION_INACTIVE_ACCOUNT_MONTHS',
  },
];

/**
 * The rules with the overrides found in `env` (the caller passes process.env or a test record).
 * A malformed value is refused, naming the variable, rather than silently keeping data forever.
 */
export function retentionRules(
  env: Readonly<Record<string, string | undefined>>,
  defaults: readonly RetentionRule[] = DEFAULT_RETENTION_RULES,
): Result<RetentionRule[]> {
  const rules: RetentionRule[] = [];
  for (const rule of defaults) {
    const raw = env[rule.env];
    if (raw === undefined || raw === '') {
      rules.push({ ...rule });
      continue;
    }
    const amount = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(amount) || amount < 1) {
      return fail(
        'invalid_retention',
        `${rule.env} doit être un nombre entier de ${rule.unit === 'hours' ? 'heures' : 'mois'} supérieur à 0 (reçu : « ${raw} »).`,
        rule.env,
      );
    }
    rules.push({ ...rule, amount, settled: rule.settled && amount === rule.amount });
  }
  return ok(rules);
}

/** `since` + the rule's duration; months are calendar months (31/01 + 1 month = 28 or 29/02). */
export function retentionEnd(since: Date, rule: Pick<RetentionRule, 'amount' | 'unit'>): Date {
  if (rule.unit === 'hours') return new Date(since.getTime() + rule.amount * 3_600_000);
  const y = since.getUTCFullYear();
  const m = since.getUTCMonth() + rule.amount;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const end = new Date(since.getTime());
  end.setUTCFullYear(y, m, Math.min(since.getUTCDate(), lastDay));
  return end;
}

export interface RetentionRow {
  kind: RetentionKind;
  id: string;
  /** The start of the period (closure, last change, last sign-in…); null: the period has not started. */
  since: Date | null;
}

export interface PurgeItem {
  kind: RetentionKind;
  id: string;
  dueOn: Date;
  source: string;
}

/**
 * The rows whose retention period has ended at `now` (the end instant itself included). A row whose period has
 * not started (an open file has no closing date) is never due.
 */
export function dueForPurge(
  rows: readonly RetentionRow[],
  now: Date,
  rules: readonly RetentionRule[],
): PurgeItem[] {
  const byKind = new Map(rules.map((r) => [r.kind, r]));
  const due: PurgeItem[] = [];
  for (const row of rows) {
    const rule = byKind.get(row.kind);
    if (!rule || !row.since) continue;
    const end = retentionEnd(row.since, rule);
    if (end.getTime() <= now.getTime())
      due.push({ kind: row.kind, id: row.id, dueOn: end, source: rule.source });
  }
  return due;
}

/**
 * What the purge does with each kind once its period is over. `keep` kinds are reported, never touched, with the
 * reason: the readings are events of the tamper-evident history (docs/decisions/0004-audit-history.md), whose
 * chains would no longer verify if a row went; an inactive account needs a last sign-in we do not record and a
 * warning to the person first (CNIL), so it is left to the data protection officer.
 */
export type PurgeAction = 'anonymise' | 'delete' | 'keep';

export const PURGE_ACTIONS: Readonly<Record<RetentionKind, { action: PurgeAction; note: string }>> = {
  closed_dossier: {
    action: 'anonymise',
    note: 'Données personnelles effacées (pièces, contacts, messages, courriers, avis médicaux, notifications ; titre, description, montants et références vidés) ; la ligne du dossier reste pour l’historique et les statistiques.',
  },
  dossier_documents: {
    action: 'delete',
    note: 'Pièces et leur contenu supprimés.',
  },
  abandoned_draft: {
    action: 'anonymise',
    note: 'Brouillon jamais transmis effacé comme un dossier clos.',
  },
  session: { action: 'delete', note: 'Sessions supprimées.' },
  notification: { action: 'delete', note: 'Notifications supprimées.' },
  access_log: {
    action: 'keep',
    note: 'Conservé : les consultations sont des maillons de l’historique infalsifiable (décision 0004) ; les supprimer romprait sa vérification. Elles ne contiennent que des identifiants.',
  },
  inactive_account: {
    action: 'keep',
    note: 'Non appliqué : la date de dernière connexion n’est pas enregistrée et la personne doit être avertie avant (CNIL) ; à traiter par le délégué à la protection des données.',
  },
};

/** Margin that covers the calendar-month clamp (31/01 + 1 month = 28/02: up to 3 days earlier than 31 days). */
const CANDIDATE_MARGIN_MS = 4 * 86_400_000;

/**
 * An upper bound on the start of a period that may be over at `now`: the database selects rows with `since`
 * before it (an index range), then `dueForPurge` decides exactly. Months are not invertible (the end-of-month
 * clamp), so the bound adds a few days; rows in that margin are read and left alone.
 */
export function candidateCutoff(now: Date, rule: Pick<RetentionRule, 'amount' | 'unit'>): Date {
  if (rule.unit === 'hours') return new Date(now.getTime() - rule.amount * 3_600_000 + 1);
  const back = new Date(now.getTime());
  back.setUTCDate(1);
  back.setUTCMonth(back.getUTCMonth() - rule.amount);
  const lastDay = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  back.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return new Date(back.getTime() + CANDIDATE_MARGIN_MS);
}
