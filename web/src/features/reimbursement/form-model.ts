import exampleInput from '../../../../src/domain/reimbursement/example-input.json';
import type {
  ActKind,
  GuaranteeInput,
  GuaranteeKind,
  GuaranteeMode,
  ReimbursementInput,
} from '../../../../src/domain/reimbursement/schema.ts';
import { DATE_MESSAGE, readDateText } from '../../shared/date-input.ts';
import { parseEurosToCents } from '../../shared/format.ts';
import type { FieldErrors } from '../../shared/ui/form.tsx';

type Sector = 'secteur_1' | 'secteur_2' | 'non_conventionne';

/** One act as typed: amounts in euros as text (« 30 », « 1 234,56 »), so that nothing typed is lost. */
export interface ActRow {
  key: number;
  /** The API id (from the example, so that its payments keep pointing at it); else `acte-<n>`. */
  id: string;
  practitionerId: string;
  date: string;
  kind: ActKind | '';
  label: string;
  price: string;
  base: string;
  rate: string;
  sector: Sector | '';
  optam: boolean;
  parcours: boolean;
  ald: boolean;
  panier100Sante: boolean;
  quantity: string;
  days: string;
  psychiatry: boolean;
  heavyAct: boolean;
  paidAmc: string;
  paidAmo: string;
}

export interface GuaranteeRow {
  key: number;
  kind: GuaranteeKind | '';
  label: string;
  practitioner: 'any' | 'optam' | 'non_optam';
  panier: 'any' | '100_sante' | 'libre';
  mode: GuaranteeMode | '';
  percent: string;
  amount: string;
  amountPer: 'act' | 'day' | 'year';
  ceiling: string;
  count: string;
  periodYears: string;
  /** Kept from an import; not edited here. */
  alreadyUsed?: { amount?: number; count?: number } | undefined;
}

export interface ReimbursementFormValues {
  ageMode: 'birthDate' | 'age';
  birthDate: string;
  age: string;
  c2s: boolean;
  ame: boolean;
  pregnancy: boolean;
  pfPaid: string;
  franchisesPaid: string;
  acts: ActRow[];
  hasContract: 'yes' | 'no';
  contractName: string;
  responsible: 'true' | 'false';
  guarantees: GuaranteeRow[];
  importFormat: 'csv' | 'json';
  importText: string;
}

// Which controls an act shows, by kind (docs/reimbursement.md, « Rules »).
const DOCTOR_KINDS: readonly string[] = [
  'consultation_generaliste',
  'consultation_specialiste',
  'teleconsultation',
  'acte_technique',
  'hospitalisation',
];
const PARCOURS_KINDS: readonly string[] = [
  'consultation_generaliste',
  'consultation_specialiste',
  'teleconsultation',
];
const BASKET_KINDS: readonly string[] = ['dentaire_prothese', 'optique', 'audiologie'];
const QUANTITY_LABELS: Partial<Record<string, string>> = {
  medicament: 'Nombre de boîtes',
  transport: 'Nombre de transports',
  auxiliaire_medical: 'Nombre de séances',
};
const DAYS_KINDS: readonly string[] = ['hospitalisation', 'chambre_particuliere'];
const NO_AMO_KINDS: readonly string[] = ['non_remboursable', 'chambre_particuliere'];

export const actShows = {
  sector: (a: ActRow) => DOCTOR_KINDS.includes(a.kind),
  optam: (a: ActRow) => DOCTOR_KINDS.includes(a.kind) && a.sector === 'secteur_2',
  parcours: (a: ActRow) => PARCOURS_KINDS.includes(a.kind),
  basket: (a: ActRow) => BASKET_KINDS.includes(a.kind),
  quantity: (a: ActRow) => QUANTITY_LABELS[a.kind] ?? null,
  days: (a: ActRow) => DAYS_KINDS.includes(a.kind),
  psychiatry: (a: ActRow) => a.kind === 'hospitalisation',
  heavyAct: (a: ActRow) => a.kind === 'hospitalisation' || a.kind === 'acte_technique',
  amo: (a: ActRow) => !NO_AMO_KINDS.includes(a.kind),
};

export const guaranteeShows = {
  percent: (g: GuaranteeRow) => g.mode.startsWith('percent'),
  amount: (g: GuaranteeRow) => g.mode === 'flat' || g.mode === 'percent_br_plus_flat',
};

let nextKey = 1;
const key = () => nextKey++;

export function emptyAct(): ActRow {
  return {
    key: key(),
    id: '',
    practitionerId: '',
    date: '',
    kind: '',
    label: '',
    price: '',
    base: '',
    rate: '',
    sector: '',
    optam: false,
    parcours: true,
    ald: false,
    panier100Sante: false,
    quantity: '',
    days: '',
    psychiatry: false,
    heavyAct: false,
    paidAmc: '',
    paidAmo: '',
  };
}

export function emptyGuarantee(): GuaranteeRow {
  return {
    key: key(),
    kind: '',
    label: '',
    practitioner: 'any',
    panier: 'any',
    mode: '',
    percent: '',
    amount: '',
    amountPer: 'act',
    ceiling: '',
    count: '',
    periodYears: '',
  };
}

export function initialValues(): ReimbursementFormValues {
  return {
    ageMode: 'birthDate',
    birthDate: '',
    age: '',
    c2s: false,
    ame: false,
    pregnancy: false,
    pfPaid: '',
    franchisesPaid: '',
    acts: [emptyAct()],
    hasContract: 'no',
    contractName: '',
    responsible: 'true',
    guarantees: [emptyGuarantee()],
    importFormat: 'csv',
    importText: '',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// From API values to the form (example, import)

/** 5000 → « 50,00 »; the form shows euros the French way. */
function eurosText(cents: number | undefined): string {
  return cents === undefined ? '' : (cents / 100).toFixed(2).replace('.', ',');
}

const numberText = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

export function guaranteeRowOf(g: GuaranteeInput): GuaranteeRow {
  return {
    key: key(),
    kind: g.kind,
    label: g.label,
    practitioner: g.practitioner ?? 'any',
    panier: g.panier ?? 'any',
    mode: g.mode,
    percent: numberText(g.percent),
    amount: eurosText(g.amount),
    amountPer: g.amountPer ?? 'act',
    ceiling: eurosText(g.yearlyCeiling),
    count: numberText(g.yearlyCount),
    periodYears: g.periodYears === undefined || g.periodYears === 1 ? '' : String(g.periodYears),
    alreadyUsed: g.alreadyUsed,
  };
}

/** « Charger un exemple »: the documented example (a GP visit, a crown, a stay across 01/03/2026). */
export function exampleValues(): ReimbursementFormValues {
  const input = exampleInput as unknown as ReimbursementInput;
  const paid = input.paid ?? [];
  const birthDate = input.patient?.birthDate;
  const age = input.patient?.age;
  return {
    ...initialValues(),
    ageMode: birthDate || age === undefined ? 'birthDate' : 'age',
    birthDate: birthDate ?? '',
    age: age === undefined ? '' : String(age),
    c2s: input.patient?.c2s ?? false,
    ame: input.patient?.ame ?? false,
    pregnancy: input.patient?.pregnancyFrom6thMonth ?? false,
    pfPaid: eurosText(input.patient?.alreadyBorneThisYear?.participationForfaitaire),
    franchisesPaid: eurosText(input.patient?.alreadyBorneThisYear?.franchises),
    acts: input.acts.map((act, i) => {
      const id = act.id ?? `acte-${i + 1}`;
      const payment = paid.find((p) => p.actId === id);
      return {
        ...emptyAct(),
        id,
        practitionerId: act.practitionerId ?? '',
        date: act.date,
        kind: act.kind,
        label: act.label ?? '',
        price: eurosText(act.pricePaid),
        base: eurosText(act.baseRemboursement),
        rate: numberText(act.amoRate),
        sector: act.sector ?? '',
        optam: act.optam ?? false,
        parcours: act.parcoursDeSoins ?? true,
        ald: act.ald ?? false,
        panier100Sante: act.panier100Sante ?? false,
        quantity: numberText(act.quantity),
        days: numberText(act.days),
        psychiatry: act.psychiatry ?? false,
        heavyAct: act.heavyAct ?? false,
        paidAmc: eurosText(payment?.amc),
        paidAmo: eurosText(payment?.amo),
      };
    }),
    hasContract: input.contract ? 'yes' : 'no',
    contractName: input.contract?.name ?? '',
    responsible: input.contract?.responsible === false ? 'false' : 'true',
    guarantees: input.contract?.guarantees.map(guaranteeRowOf) ?? [emptyGuarantee()],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Ids and validation

export const ids = {
  ageMode: 'rb-ageMode',
  birthDate: 'rb-birthDate',
  age: 'rb-age',
  pfPaid: 'rb-pfPaid',
  franchisesPaid: 'rb-franchisesPaid',
  acts: 'rb-acts',
  act: (row: { key: number }, field: string) => `rb-act-${row.key}-${field}`,
  hasContract: 'rb-hasContract',
  contractName: 'rb-contractName',
  responsible: 'rb-responsible',
  guarantee: (row: { key: number }, field: string) => `rb-g-${row.key}-${field}`,
  importText: 'rb-importText',
};

const ACT_FIELDS = [
  'date',
  'kind',
  'label',
  'price',
  'base',
  'rate',
  'sector',
  'optam',
  'parcours',
  'ald',
  'panier100Sante',
  'quantity',
  'days',
  'psychiatry',
  'heavyAct',
  'paidAmc',
  'paidAmo',
] as const;
const ACT_API_FIELD: Record<string, (typeof ACT_FIELDS)[number]> = {
  date: 'date',
  kind: 'kind',
  label: 'label',
  pricePaid: 'price',
  baseRemboursement: 'base',
  amoRate: 'rate',
  sector: 'sector',
  optam: 'optam',
  parcoursDeSoins: 'parcours',
  ald: 'ald',
  panier100Sante: 'panier100Sante',
  quantity: 'quantity',
  days: 'days',
  psychiatry: 'psychiatry',
  heavyAct: 'heavyAct',
  id: 'date',
  practitionerId: 'date',
};
const GUARANTEE_FIELDS = [
  'kind',
  'label',
  'mode',
  'percent',
  'amount',
  'amountPer',
  'practitioner',
  'panier',
  'ceiling',
  'count',
  'periodYears',
] as const;
const GUARANTEE_API_FIELD: Record<string, (typeof GUARANTEE_FIELDS)[number]> = {
  kind: 'kind',
  label: 'label',
  mode: 'mode',
  percent: 'percent',
  amount: 'amount',
  amountPer: 'amountPer',
  practitioner: 'practitioner',
  panier: 'panier',
  yearlyCeiling: 'ceiling',
  yearlyCount: 'count',
  periodYears: 'periodYears',
  alreadyUsed: 'label',
};

const MAX_CENTS = 10_000_000;

export interface Built {
  errors: FieldErrors;
  input: ReimbursementInput | null;
  apiFields: Record<string, string>;
  order: string[];
}

/** Checks what the browser can check and builds the API body (amounts in cents); the server checks again. */
export function buildInput(values: ReimbursementFormValues, badInput: ReadonlySet<string>): Built {
  const errors: FieldErrors = {};
  const order: string[] = [];
  const apiFields: Record<string, string> = {};

  const readDate = (id: string, raw: string, missing: string | null): string | undefined => {
    if (badInput.has(id)) errors[id] = DATE_MESSAGE;
    else if (raw.trim() === '') {
      if (missing) errors[id] = missing;
    } else {
      const read = readDateText(raw);
      if ('date' in read) return read.date;
      errors[id] = read.error;
    }
    return undefined;
  };
  const readEuros = (id: string, raw: string, missing: string | null): number | undefined => {
    const parsed = parseEurosToCents(raw);
    if (!parsed.ok) errors[id] = parsed.message;
    else if (parsed.cents === null) {
      if (missing) errors[id] = missing;
    } else if (parsed.cents > MAX_CENTS) errors[id] = 'Le montant ne peut dépasser 100\u00a0000\u00a0€.';
    else return parsed.cents;
    return undefined;
  };
  const readInteger = (
    id: string,
    raw: string,
    min: number,
    max: number,
    what: string,
  ): number | undefined => {
    const text = raw.trim();
    if (text === '') return undefined;
    const n = Number(text);
    if (/^\d+$/.test(text) && n >= min && n <= max) return n;
    errors[id] = `${what}\u00a0: un nombre entier de ${min} à ${max} est attendu.`;
    return undefined;
  };
  const readPercent = (id: string, raw: string, max: number, what: string): number | undefined => {
    const text = raw.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
    if (text === '') return undefined;
    const n = Number(text);
    if (/^\d+(\.\d+)?$/.test(text) && n <= max) return n;
    errors[id] = `${what}\u00a0: un pourcentage de 0 à ${max} est attendu (exemple\u00a0: 70).`;
    return undefined;
  };

  // The patient
  const patient: NonNullable<ReimbursementInput['patient']> = {};
  order.push(ids.ageMode, ids.birthDate, ids.age, ids.pfPaid, ids.franchisesPaid);
  apiFields['patient.birthDate'] = ids.birthDate;
  apiFields['patient.age'] = ids.age;
  apiFields['patient.alreadyBorneThisYear.participationForfaitaire'] = ids.pfPaid;
  apiFields['patient.alreadyBorneThisYear.franchises'] = ids.franchisesPaid;
  if (values.ageMode === 'birthDate') {
    const birth = readDate(ids.birthDate, values.birthDate, null);
    if (birth) patient.birthDate = birth;
  } else {
    const age = readInteger(ids.age, values.age, 0, 130, 'Âge');
    if (age !== undefined) patient.age = age;
  }
  if (values.c2s) patient.c2s = true;
  if (values.ame) patient.ame = true;
  if (values.pregnancy) patient.pregnancyFrom6thMonth = true;
  const pf = readEuros(ids.pfPaid, values.pfPaid, null);
  const franchises = readEuros(ids.franchisesPaid, values.franchisesPaid, null);
  if (pf !== undefined || franchises !== undefined) {
    patient.alreadyBorneThisYear = { participationForfaitaire: pf ?? 0, franchises: franchises ?? 0 };
  }

  // The acts, and what was paid for each
  order.push(ids.acts);
  apiFields.acts = ids.acts;
  if (values.acts.length === 0) errors[ids.acts] = 'Ajoutez au moins un acte de soins.';
  const acts: ReimbursementInput['acts'] = [];
  const paid: NonNullable<ReimbursementInput['paid']> = [];
  values.acts.forEach((row, i) => {
    const id = (field: string) => ids.act(row, field);
    for (const field of ACT_FIELDS) order.push(id(field));
    for (const [apiField, field] of Object.entries(ACT_API_FIELD))
      apiFields[`acts[${i}].${apiField}`] = id(field);
    apiFields[`acts[${i}]`] = id('date');
    const n = `Acte n°\u00a0${i + 1}`;
    const actId = row.id || `acte-${i + 1}`;
    const date = readDate(id('date'), row.date, `${n}\u00a0: indiquez la date des soins.`);
    if (row.kind === '') errors[id('kind')] = `${n}\u00a0: choisissez le type d’acte.`;
    const price = readEuros(id('price'), row.price, `${n}\u00a0: indiquez le prix payé, en euros.`);
    const act: ReimbursementInput['acts'][number] = {
      id: actId,
      date: date ?? '',
      kind: (row.kind || 'consultation_generaliste') as ActKind,
      pricePaid: price ?? 0,
    };
    if (row.label.trim()) act.label = row.label.trim().slice(0, 200);
    if (row.practitionerId) act.practitionerId = row.practitionerId;
    if (actShows.amo(row)) {
      const base = readEuros(id('base'), row.base, null);
      if (base !== undefined) act.baseRemboursement = base;
      const rate = readPercent(id('rate'), row.rate, 100, `${n}, taux`);
      if (rate !== undefined) act.amoRate = rate;
      if (row.ald) act.ald = true;
    }
    if (actShows.sector(row) && row.sector) act.sector = row.sector;
    if (actShows.optam(row)) act.optam = row.optam;
    if (actShows.parcours(row) && !row.parcours) act.parcoursDeSoins = false;
    if (actShows.basket(row)) act.panier100Sante = row.panier100Sante;
    if (actShows.quantity(row)) {
      const quantity = readInteger(id('quantity'), row.quantity, 1, 1000, `${n}, quantité`);
      if (quantity !== undefined) act.quantity = quantity;
    }
    if (actShows.days(row)) {
      const days = readInteger(id('days'), row.days, 1, 3660, `${n}, nombre de jours`);
      if (days !== undefined) act.days = days;
    }
    if (actShows.psychiatry(row) && row.psychiatry) act.psychiatry = true;
    if (actShows.heavyAct(row) && row.heavyAct) act.heavyAct = true;
    acts.push(act);

    const amc = readEuros(id('paidAmc'), row.paidAmc, null);
    const amo = readEuros(id('paidAmo'), row.paidAmo, null);
    if (amc !== undefined || amo !== undefined) {
      const k = paid.length;
      apiFields[`paid[${k}].actId`] = id('paidAmc');
      apiFields[`paid[${k}].amc`] = id('paidAmc');
      apiFields[`paid[${k}].amo`] = id('paidAmo');
      paid.push({ actId, ...(amc !== undefined ? { amc } : {}), ...(amo !== undefined ? { amo } : {}) });
    }
  });

  // The contract
  order.push(ids.hasContract, ids.contractName, ids.responsible);
  apiFields['contract.name'] = ids.contractName;
  apiFields['contract.responsible'] = ids.responsible;
  let contract: ReimbursementInput['contract'];
  if (values.hasContract === 'yes') {
    apiFields['contract.guarantees'] = ids.importText;
    const guarantees: GuaranteeInput[] = [];
    values.guarantees.forEach((row, j) => {
      const id = (field: string) => ids.guarantee(row, field);
      for (const field of GUARANTEE_FIELDS) order.push(id(field));
      for (const [apiField, field] of Object.entries(GUARANTEE_API_FIELD)) {
        apiFields[`contract.guarantees[${j}].${apiField}`] = id(field);
      }
      apiFields[`contract.guarantees[${j}]`] = id('kind');
      const n = `Garantie n°\u00a0${j + 1}`;
      if (row.kind === '') errors[id('kind')] = `${n}\u00a0: choisissez le type de soins couvert.`;
      if (row.label.trim() === '')
        errors[id('label')] = `${n}\u00a0: recopiez le libellé du tableau de garanties.`;
      if (row.mode === '') errors[id('mode')] = `${n}\u00a0: choisissez la forme de la garantie.`;
      const g: GuaranteeInput = {
        kind: (row.kind || 'consultation_generaliste') as GuaranteeKind,
        label: row.label.trim().slice(0, 200),
        practitioner: row.practitioner,
        panier: row.panier,
        mode: (row.mode || 'real_expense') as GuaranteeMode,
      };
      if (guaranteeShows.percent(row)) {
        if (row.percent.trim() === '')
          errors[id('percent')] = `${n}\u00a0: indiquez le pourcentage de la base.`;
        const percent = readPercent(id('percent'), row.percent, 1000, `${n}, pourcentage`);
        if (percent !== undefined) g.percent = percent;
      }
      if (guaranteeShows.amount(row)) {
        const amount = readEuros(id('amount'), row.amount, `${n}\u00a0: indiquez le forfait, en euros.`);
        if (amount !== undefined) g.amount = amount;
        g.amountPer = row.amountPer;
      }
      const ceiling = readEuros(id('ceiling'), row.ceiling, null);
      if (ceiling !== undefined) g.yearlyCeiling = ceiling;
      const count = readInteger(id('count'), row.count, 1, 1000, `${n}, nombre d’actes`);
      if (count !== undefined) g.yearlyCount = count;
      const period = readInteger(id('periodYears'), row.periodYears, 1, 10, `${n}, période`);
      if (period !== undefined) g.periodYears = period;
      if (row.alreadyUsed) g.alreadyUsed = row.alreadyUsed;
      guarantees.push(g);
    });
    contract = { responsible: values.responsible === 'true', guarantees };
    if (values.contractName.trim()) contract.name = values.contractName.trim().slice(0, 200);
  }

  if (Object.keys(errors).length > 0) return { errors, input: null, apiFields, order };
  const input: ReimbursementInput = { acts, patient };
  if (contract) input.contract = contract;
  if (paid.length > 0) input.paid = paid;
  return { errors, input, apiFields, order };
}
