/**
 * Import of a table of guarantees pasted by a user: CSV (semicolon, tab or comma separated, French decimals and
 * values as tables write them: « 150 % BR », « 100 % BR + 200 € par an », « 50 € / jour », « frais réels ») or JSON.
 *
 * CSV columns, matched on their header (case and accents ignored):
 * - `libellé` (required): the line as in the table, e.g. « Consultations généralistes OPTAM »;
 * - `garantie` (required): the value, e.g. « 200 % BR »;
 * - `type` (optional): an act kind id (`consultation_generaliste`…) or its French name; inferred from the label when absent;
 * - `praticien` (optional): OPTAM / non OPTAM / tous; inferred from the label when absent;
 * - `panier` (optional): 100 % Santé / libre / tous; inferred from the label when absent;
 * - `plafond` (optional): yearly ceiling, « 500,00 € »; `nombre` (optional): acts per period; `période` (optional):
 *   years per period; `déjà utilisé` and `déjà utilisé nombre` (optional): consumed before the simulated acts.
 * Errors name the line of the file (1 = header) and the column: field `lines[3].garantie`.
 */
import { fail, ok, type Result } from '../shared/result.ts';
import {
  GUARANTEE_KINDS,
  type Guarantee,
  type GuaranteeInput,
  type GuaranteeKind,
  GuaranteeSchema,
} from './schema.ts';

/** Lowercase, no accents, no punctuation, single spaces: « Libellé » → « libelle ». */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[^a-z0-9%+/.,€ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** « 1 200,50 € », « 100 », « 100.5 EUR » → cents; undefined when it is not an amount. */
export function parseEuros(text: string): number | undefined {
  let s = text
    .replace(/[\u00a0\u202f\s]/g, '')
    .replace(/€|eur(os?)?$/i, '')
    .trim();
  if (s.includes(',') && s.includes('.')) s = s.replace(/\./g, '');
  s = s.replace(',', '.');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function parsePercent(text: string): number | undefined {
  const m = /^(\d+(?:[.,]\d+)?)$/.exec(text.trim());
  return m ? Number(m[1]!.replace(',', '.')) : undefined;
}

type ValueFields = Pick<GuaranteeInput, 'mode' | 'percent' | 'amount' | 'amountPer' | 'periodYears'>;

const MONEY = String.raw`(\d[\d .]*(?:,\d{1,2})?)\s*(?:€|eur(?:os?)?)`;

function perOf(rest: string): { amountPer: 'act' | 'day' | 'year'; periodYears?: number } | undefined {
  const r = rest.trim();
  if (r === '') return { amountPer: 'act' };
  const every = /tous les (\d+) ans/.exec(r);
  if (every) return { amountPer: 'year', periodYears: Number(every[1]) };
  if (/^(\/|par)?\s*(an|annee|annee civile|exercice)\b/.test(r)) return { amountPer: 'year' };
  if (/^(\/|par)?\s*(jour|nuit|journee)\b/.test(r)) return { amountPer: 'day' };
  if (
    /^(\/|par)?\s*(acte|seance|consultation|sejour|paire|equipement|dent|prothese|verre|oreille|appareil|boite|transport)\b/.test(
      r,
    )
  )
    return { amountPer: 'act' };
  return undefined;
}

/**
 * A guarantee's value as tables write it. Percentages of the BR include the Sécurité sociale's share unless the
 * text says otherwise (« en plus de la Sécurité sociale », « hors SS »), which is how French tables are read.
 */
export function parseGuaranteeValue(text: string): Result<ValueFields> {
  const t = normalize(text);
  const bad = fail<ValueFields>(
    'invalid_guarantee_value',
    `« ${text} » n'est pas une garantie reconnue. Exemples acceptés : « 150 % BR », « 100 % BR + 200 € par an », « 30 € par séance », « 50 € / jour », « 100 € par an », « frais réels », « non couvert ».`,
  );
  if (t === '' || /^(non couvert|non pris en charge|neant|-|0|0 %|0 €)$/.test(t))
    return ok({ mode: 'flat', amount: 0 });
  if (/^(100 % )?frais reels/.test(t)) return ok({ mode: 'real_expense' });
  if (/^(100 % (du )?)?(tm|ticket moderateur)$/.test(t))
    return ok({ mode: 'percent_br_including_amo', percent: 100 });

  const pct =
    /^(\d+(?:[.,]\d+)?)\s*%\s*(?:de la |du )?(?:brss|br|trss|tr|base de remboursement|base)\b(.*)$/.exec(t);
  if (pct) {
    const percent = parsePercent(pct[1]!)!;
    const rest = pct[2]!.trim();
    const excluding = /(en plus|en sus|hors (ss|secu|securite sociale|ro|amo)|au dela|en complement)/.test(
      rest,
    );
    const plus = new RegExp(String.raw`\+\s*${MONEY}(.*)$`).exec(rest);
    if (plus) {
      const amount = parseEuros(plus[1]!);
      const per = perOf(plus[2]!);
      if (amount === undefined || !per) return bad;
      return ok({ mode: 'percent_br_plus_flat', percent, amount, ...per });
    }
    const cleaned = rest.replace(
      /\(?(y compris|dont|ss|ro|amo|securite sociale|incluse?|comprise?|remboursement|en plus|en sus|hors|de la|au dela|en complement|\)|\s)+/g,
      '',
    );
    if (cleaned !== '' && !/^[.,]*$/.test(cleaned)) return bad;
    return ok({ mode: excluding ? 'percent_br_excluding_amo' : 'percent_br_including_amo', percent });
  }
  const flat = new RegExp(String.raw`^(?:forfait\s*(?:de\s*)?)?${MONEY}(.*)$`).exec(t);
  if (flat) {
    const amount = parseEuros(flat[1]!);
    const per = perOf(flat[2]!);
    if (amount === undefined || !per) return bad;
    return ok({ mode: 'flat', amount, ...per });
  }
  return bad;
}

/** Kind ids and the French names tables use, checked in this order (the first match wins). */
const KIND_KEYWORDS: readonly [RegExp, GuaranteeKind][] = [
  [/forfait journalier/, 'forfait_journalier'],
  [/chambre particuliere/, 'chambre_particuliere'],
  [/urgence/, 'urgences'],
  [/teleconsultation/, 'teleconsultation'],
  [/generaliste/, 'consultation_generaliste'],
  [/specialiste/, 'consultation_specialiste'],
  [/sage femme|sages femmes/, 'sage_femme'],
  [/audio|auditi/, 'audiologie'],
  [/optique|lunette|verre|monture|lentille/, 'optique'],
  [/prothese|couronne|implant|bridge|inlay/, 'dentaire_prothese'],
  [/dentaire|dentiste/, 'dentaire_soins'],
  [/pharmacie|medicament/, 'medicament'],
  [/auxiliaire|infirmi|kine|orthophon|orthopti|pedicure|paramedical/, 'auxiliaire_medical'],
  [/transport|ambulance|taxi conventionne/, 'transport'],
  [/hospitalisation|frais de sejour|honoraires chirurgi|chirurgie/, 'hospitalisation'],
  [/acte technique|actes techniques|imagerie|radiologie|ccam/, 'acte_technique'],
  [
    /medecine douce|medecines douces|osteopath|chiropract|acupunct|non rembours|medecines alternatives|naturopath/,
    'non_remboursable',
  ],
];

export function kindFromText(text: string): GuaranteeKind | undefined {
  const raw = text.trim();
  if ((GUARANTEE_KINDS as readonly string[]).includes(raw)) return raw as GuaranteeKind;
  const t = normalize(text).replace(/[-_]/g, ' ');
  for (const [re, kind] of KIND_KEYWORDS) if (re.test(t)) return kind;
  return undefined;
}

function practitionerFromText(text: string): 'any' | 'optam' | 'non_optam' | undefined {
  const t = normalize(text).replace(/-/g, ' ');
  if (t === '' || /^(tous|toutes|any|indifferent)$/.test(t)) return 'any';
  if (/(non|hors) (optam|adherent|dptam)|non optam|^non$|non_optam/.test(t)) return 'non_optam';
  if (/optam|dptam|^oui$|secteur 1/.test(t)) return 'optam';
  return undefined;
}

function panierFromText(text: string): 'any' | '100_sante' | 'libre' | undefined {
  const t = normalize(text);
  if (t === '' || /^(tous|toutes|any)$/.test(t)) return 'any';
  if (/100 ?% ?sante|100_sante|classe a\b|classe i\b|reste a charge zero|rac 0/.test(t)) return '100_sante';
  if (/libre|classe b\b|classe ii\b|hors 100|tarif maitrise/.test(t)) return 'libre';
  return undefined;
}

const COLUMNS = {
  kind: ['type', 'kind', 'acte', 'type d acte', 'poste', 'categorie'],
  label: ['libelle', 'label', 'intitule', 'designation', 'prestation'],
  value: ['garantie', 'value', 'valeur', 'remboursement', 'niveau', 'niveau de garantie', 'montant'],
  practitioner: ['praticien', 'practitioner', 'optam', 'medecin'],
  panier: ['panier'],
  yearlyCeiling: ['plafond', 'plafond annuel', 'yearlyceiling', 'plafond par periode'],
  yearlyCount: ['nombre', 'nombre par an', 'nombre d actes', 'yearlycount', 'nombre par periode'],
  periodYears: ['periode', 'periode ans', 'periode en ans', 'periodyears', 'periodicite'],
  alreadyUsedAmount: ['deja utilise', 'deja rembourse', 'alreadyused', 'deja utilise montant'],
  alreadyUsedCount: ['deja utilise nombre', 'alreadyusedcount', 'nombre deja utilise'],
} as const;
type Column = keyof typeof COLUMNS;

function columnOf(header: string): Column | undefined {
  const h = normalize(header)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    if (names.includes(h)) return col;
  }
  return undefined;
}

/** Splits CSV text into rows of fields; quotes may hold separators, line breaks and doubled quotes. */
export function splitCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function detectSeparator(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  if (outsideQuotes.includes(';')) return ';';
  if (outsideQuotes.includes('\t')) return '\t';
  return ',';
}

/** Parses a table of guarantees pasted as CSV. Never throws. */
export function parseGuaranteesCsv(text: string): Result<Guarantee[]> {
  const separator = detectSeparator(text);
  const rows = splitCsv(text, separator);
  const header = rows[0];
  if (!header || header.every((h) => h.trim() === '')) {
    return fail(
      'empty_csv',
      'Le tableau est vide : collez une ligne d’en-tête (libellé ; garantie…) puis une ligne par garantie.',
      'lines[1]',
    );
  }
  const columns = header.map(columnOf);
  for (const required of ['label', 'value'] as const) {
    if (!columns.includes(required)) {
      const names = required === 'label' ? '« libellé »' : '« garantie »';
      return fail(
        'missing_column',
        `Ligne 1 : la colonne ${names} est introuvable. En-têtes lus : ${header.map((h) => `« ${h.trim()} »`).join(', ')} (séparateur « ${separator === '\t' ? 'tabulation' : separator} »).`,
        'lines[1]',
      );
    }
  }
  const guarantees: Guarantee[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    if (row.every((c) => c.trim() === '')) continue;
    const cell = (col: Column): string | undefined => {
      const i = columns.indexOf(col);
      return i >= 0 ? (row[i] ?? '').trim() : undefined;
    };
    const err = (col: string, code: string, message: string) =>
      fail<Guarantee[]>(code, `Ligne ${line}, colonne « ${col} » : ${message}`, `lines[${line}].${col}`);

    const label = cell('label') ?? '';
    if (label === '') return err('libellé', 'missing_label', 'le libellé est vide.');
    const kindText = cell('kind');
    const kind = kindFromText(kindText || label);
    if (!kind) {
      return kindText
        ? err(
            'type',
            'unknown_kind',
            `type « ${kindText} » inconnu. Valeurs possibles : ${GUARANTEE_KINDS.join(', ')}.`,
          )
        : err(
            'libellé',
            'unknown_kind',
            `impossible de déduire le type d'acte de « ${label} » : ajoutez une colonne « type » (${GUARANTEE_KINDS.join(', ')}).`,
          );
    }
    const value = parseGuaranteeValue(cell('value') ?? '');
    if (!value.ok) return err('garantie', value.error.code, value.error.message);

    const practitionerText = cell('practitioner');
    const practitioner = practitionerFromText(practitionerText ?? '') ?? undefined;
    if (practitionerText && practitioner === undefined) {
      return err(
        'praticien',
        'invalid_practitioner',
        `« ${practitionerText} » : indiquez OPTAM, non OPTAM ou tous.`,
      );
    }
    const panierText = cell('panier');
    const panier = panierFromText(panierText ?? '');
    if (panierText && panier === undefined)
      return err('panier', 'invalid_panier', `« ${panierText} » : indiquez 100 % Santé, libre ou tous.`);

    const money = (col: Column, name: string): Result<number | undefined> => {
      const v = cell(col);
      if (!v) return ok(undefined);
      const cents = parseEuros(v);
      return cents === undefined
        ? fail('invalid_amount', `« ${v} » n'est pas un montant (ex. « 500,00 € »).`, name)
        : ok(cents);
    };
    const integer = (col: Column, name: string): Result<number | undefined> => {
      const v = cell(col);
      if (!v) return ok(undefined);
      const m = /^(\d+)(\s*ans?)?$/.exec(normalize(v));
      return m ? ok(Number(m[1])) : fail('invalid_number', `« ${v} » n'est pas un nombre entier.`, name);
    };
    const ceiling = money('yearlyCeiling', 'plafond');
    if (!ceiling.ok) return err('plafond', ceiling.error.code, ceiling.error.message);
    const used = money('alreadyUsedAmount', 'déjà utilisé');
    if (!used.ok) return err('déjà utilisé', used.error.code, used.error.message);
    const countValue = integer('yearlyCount', 'nombre');
    if (!countValue.ok) return err('nombre', countValue.error.code, countValue.error.message);
    const period = integer('periodYears', 'période');
    if (!period.ok) return err('période', period.error.code, period.error.message);
    const usedCount = integer('alreadyUsedCount', 'déjà utilisé nombre');
    if (!usedCount.ok) return err('déjà utilisé nombre', usedCount.error.code, usedCount.error.message);

    const candidate: GuaranteeInput = {
      kind,
      label,
      practitioner: practitionerText ? practitioner : (practitionerFromLabel(label) ?? 'any'),
      panier: panierText ? panier : (panierFromLabel(label) ?? 'any'),
      ...value.value,
      periodYears: period.value ?? value.value.periodYears ?? 1,
      ...(ceiling.value !== undefined ? { yearlyCeiling: ceiling.value } : {}),
      ...(countValue.value !== undefined ? { yearlyCount: countValue.value } : {}),
      ...(used.value !== undefined || usedCount.value !== undefined
        ? { alreadyUsed: { amount: used.value ?? 0, count: usedCount.value ?? 0 } }
        : {}),
    };
    const checked = GuaranteeSchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return err(
        String(issue?.path[0] ?? 'garantie'),
        'invalid_guarantee',
        issue?.message ?? 'garantie invalide.',
      );
    }
    guarantees.push(checked.data);
  }
  if (guarantees.length === 0)
    return fail('empty_csv', 'Le tableau ne contient aucune garantie sous son en-tête.', 'lines[2]');
  return ok(guarantees);
}

function practitionerFromLabel(label: string): 'optam' | 'non_optam' | undefined {
  const t = normalize(label).replace(/-/g, ' ');
  if (/(non|hors) (optam|adherent|dptam)/.test(t)) return 'non_optam';
  if (/\b(optam|dptam)\b/.test(t)) return 'optam';
  return undefined;
}

function panierFromLabel(label: string): '100_sante' | 'libre' | undefined {
  const p = panierFromText(label);
  return p === 'any' ? undefined : p;
}

/** Parses a table of guarantees given as JSON (an array of guarantees, or `{ "guarantees": [...] }`). */
export function parseGuaranteesJson(text: string): Result<Guarantee[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('invalid_json', 'Le texte collé n’est pas du JSON valide.', 'json');
  }
  const list = Array.isArray(data) ? data : (data as { guarantees?: unknown } | null)?.guarantees;
  if (!Array.isArray(list))
    return fail(
      'invalid_json',
      'Un tableau de garanties est attendu (ou un objet { "guarantees": [...] }).',
      'json',
    );
  const guarantees: Guarantee[] = [];
  for (const [i, item] of list.entries()) {
    const parsed = GuaranteeSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue
        ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
        : '';
      return fail(
        'invalid_guarantee',
        `Garantie n° ${i + 1} : ${issue?.message ?? 'invalide'}`,
        `guarantees[${i}]${path}`,
      );
    }
    guarantees.push(parsed.data);
  }
  return ok(guarantees);
}
