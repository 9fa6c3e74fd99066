import exampleInput from '../../../../src/domain/deadlines/example-input.json';
import { PARAMETERS } from '../../../../src/domain/deadlines/parameters.ts';
import {
  DEADLINE_IDS,
  DEFAULT_ROLL_OVER,
  type DeadlinesInput,
} from '../../../../src/domain/deadlines/schema.ts';
import { DATE_MESSAGE, readDateText } from '../../shared/date-input.ts';
import type { FieldErrors } from '../../shared/ui/form.tsx';
import { DEADLINE_TITLES, type OrganisationType, type Zone } from './labels.ts';

/** What the form holds: every control as typed, so that nothing is lost when the API refuses a date. */
export interface DeadlinesFormValues {
  organisationType: OrganisationType | '';
  zone: Zone;
  today: string;
  /** Groups of facts the person opened (« Ma réclamation », « Médiation »…). */
  groups: Record<GroupId, boolean>;
  /** Dates, choices (`accepted`…) and yes/no answers (`true` / `false`), by fact name. */
  facts: Record<string, string>;
  /** Registered letters that interrupted the prescription, one row each (the key keeps React rows stable). */
  letters: { key: number; value: string }[];
  options: Record<string, string | string[]>;
  optionsOpen: boolean;
}

export type GroupId = 'complaint' | 'mediation' | 'prescription' | 'cpam' | 'termination' | 'portability';

interface Choice {
  value: string;
  label: string;
  hint?: string;
}

interface DateFieldDef {
  type: 'date';
  key: string;
  label: string;
  hint?: string;
  show?: (v: DeadlinesFormValues) => boolean;
}

interface ChoiceFieldDef {
  type: 'choice';
  key: string;
  legend: string;
  hint?: string;
  choices: Choice[];
  show?: (v: DeadlinesFormValues) => boolean;
}

interface LettersFieldDef {
  type: 'letters';
  key: 'interruptionLetters';
  legend: string;
  hint: string;
}

export type FactFieldDef = DateFieldDef | ChoiceFieldDef | LettersFieldDef;

export interface GroupDef {
  id: GroupId;
  title: string;
  /** The checkbox that opens the group. */
  toggle: string;
  hint?: string;
  appliesTo: (organisationType: OrganisationType | '') => boolean;
  fields: FactFieldDef[];
}

const isCpam = (v: DeadlinesFormValues) => v.organisationType === 'cpam';
const notCpam = (v: DeadlinesFormValues) => v.organisationType !== 'cpam';
const filled = (key: string) => (v: DeadlinesFormValues) => (v.facts[key] ?? '') !== '';

const YES_NO: Choice[] = [
  { value: 'true', label: 'Oui' },
  { value: 'false', label: 'Non' },
];

/** Yes/no facts: the default of the API is `true`, so « Oui » is preselected. */
const BOOLEAN_FACTS = [
  'cpamNotificationMentionedRemedies',
  'craAcknowledgmentMentionedRemedies',
  'craDecisionMentionedRemedies',
] as const;

export const GROUPS: GroupDef[] = [
  {
    id: 'complaint',
    title: 'Ma réclamation',
    toggle: 'J’ai envoyé une réclamation écrite',
    hint: 'Courrier, e-mail ou formulaire en ligne adressé au service réclamations.',
    appliesTo: () => true,
    fields: [
      { type: 'date', key: 'complaintSentOn', label: 'Réclamation envoyée le' },
      {
        type: 'date',
        key: 'complaintReceivedOn',
        label: 'Reçue par l’organisme le',
        hint: 'Date de l’avis de réception, ou de la réponse automatique à votre e-mail.',
      },
      { type: 'date', key: 'acknowledgedOn', label: 'Accusé de réception de l’organisme reçu le' },
      { type: 'date', key: 'answerReceivedOn', label: 'Réponse écrite sur le fond reçue le' },
      {
        type: 'choice',
        key: 'answerOutcome',
        legend: 'Sens de la réponse',
        choices: [
          { value: 'accepted', label: 'Acceptée\u00a0: vous avez obtenu satisfaction' },
          { value: 'partial', label: 'Acceptée en partie' },
          { value: 'rejected', label: 'Refusée' },
        ],
        show: filled('answerReceivedOn'),
      },
      {
        type: 'date',
        key: 'complexCaseNotifiedOn',
        label: 'L’organisme a annoncé un dossier complexe le',
        hint: 'Seulement s’il vous a écrit qu’il lui faudrait plus de deux mois pour répondre.',
      },
      {
        type: 'date',
        key: 'announcedAnswerDate',
        label: 'Date de réponse annoncée par l’organisme',
        show: filled('complexCaseNotifiedOn'),
      },
    ],
  },
  {
    id: 'mediation',
    title: 'Médiation',
    toggle: 'J’ai saisi le médiateur',
    appliesTo: () => true,
    fields: [
      { type: 'date', key: 'mediatorSeizedOn', label: 'Médiateur saisi le' },
      {
        type: 'date',
        key: 'mediationFileCompleteOn',
        label: 'Dossier complet reçu par le médiateur le',
        show: notCpam,
      },
      {
        type: 'date',
        key: 'mediationNotifiedOn',
        label: 'Le médiateur a notifié sa saisine aux parties le',
        hint: 'Courrier du médiateur annonçant qu’il traite votre demande (article R612-2 du code de la consommation).',
        show: notCpam,
      },
      {
        type: 'date',
        key: 'mediationRejectedOn',
        label: 'Le médiateur a déclaré la demande irrecevable le',
        show: notCpam,
      },
      {
        type: 'date',
        key: 'mediationExtendedTo',
        label: 'Nouvelle date fixée par le médiateur (prolongation)',
        show: notCpam,
      },
      { type: 'date', key: 'mediationEndedOn', label: 'La médiation a pris fin le', show: notCpam },
      {
        type: 'date',
        key: 'cpamMediatorAdmissibleOn',
        label: 'Le médiateur de la CPAM a déclaré la demande recevable le',
        show: isCpam,
      },
      {
        type: 'date',
        key: 'cpamMediatorRecommendationsOn',
        label: 'Le médiateur de la CPAM a rendu ses recommandations le',
        show: isCpam,
      },
    ],
  },
  {
    id: 'prescription',
    title: 'Prescription',
    toggle: 'Je veux savoir jusqu’à quand je peux agir (prescription)',
    hint: 'Passé ce délai, vous ne pouvez plus réclamer la prestation en justice.',
    appliesTo: () => true,
    fields: [
      {
        type: 'date',
        key: 'claimEventOn',
        label: 'Événement à l’origine de votre demande',
        hint: 'Date des soins, du sinistre ou du refus de prise en charge.',
      },
      {
        type: 'letters',
        key: 'interruptionLetters',
        legend: 'Lettres recommandées avec accusé de réception réclamant la prestation',
        hint: 'Chaque lettre recommandée envoyée pendant le délai le fait repartir pour deux ans. Indiquez leur date d’envoi.',
      },
      {
        type: 'date',
        key: 'contributionDueOn',
        label: 'Échéance d’une cotisation que l’organisme vous réclame',
        show: notCpam,
      },
      {
        type: 'choice',
        key: 'cpamBenefitKind',
        legend: 'Prestations de la CPAM en cause',
        choices: [
          { value: 'especes', label: 'Prestations en espèces (indemnités journalières…)' },
          { value: 'nature', label: 'Prestations en nature (remboursement de soins)' },
        ],
        show: isCpam,
      },
    ],
  },
  {
    id: 'cpam',
    title: 'Décision de la CPAM',
    toggle: 'Je conteste une décision de la CPAM',
    appliesTo: (org) => org === 'cpam',
    fields: [
      { type: 'date', key: 'cpamDecisionNotifiedOn', label: 'Décision de la CPAM notifiée le' },
      {
        type: 'choice',
        key: 'cpamNotificationMentionedRemedies',
        legend: 'La décision indiquait-elle les voies et délais de recours ?',
        hint: 'Par exemple\u00a0: «\u00a0vous pouvez saisir la commission de recours amiable dans un délai de deux mois\u00a0».',
        choices: YES_NO,
        show: filled('cpamDecisionNotifiedOn'),
      },
      {
        type: 'date',
        key: 'craSeizedOn',
        label: 'Commission de recours amiable (CRA) saisie le',
        hint: 'Date de réception de votre recours par la commission.',
      },
      {
        type: 'choice',
        key: 'craAcknowledgmentMentionedRemedies',
        legend: 'L’accusé de réception de la CRA indiquait-il les voies et délais de recours ?',
        choices: YES_NO,
        show: filled('craSeizedOn'),
      },
      { type: 'date', key: 'craDecisionNotifiedOn', label: 'Décision de la CRA notifiée le' },
      {
        type: 'choice',
        key: 'craDecisionMentionedRemedies',
        legend: 'La décision de la CRA indiquait-elle les voies et délais de recours ?',
        choices: YES_NO,
        show: filled('craDecisionNotifiedOn'),
      },
      { type: 'date', key: 'tribunalSeizedOn', label: 'Pôle social du tribunal judiciaire saisi le' },
    ],
  },
  {
    id: 'termination',
    title: 'Résiliation',
    toggle: 'Je veux résilier mon contrat, ou je l’ai résilié',
    appliesTo: (org) => org !== 'cpam',
    fields: [
      {
        type: 'date',
        key: 'renewalDate',
        label: 'Échéance annuelle du contrat',
        hint: 'Souvent le 1er janvier.',
      },
      {
        type: 'choice',
        key: 'annualNotice',
        legend: 'Avis d’échéance',
        hint: 'Le courrier qui rappelle la date limite pour résilier (loi Chatel).',
        choices: [
          { value: 'sent', label: 'Il m’a été envoyé' },
          { value: 'never', label: 'Il ne m’a jamais été envoyé' },
          { value: '', label: 'Je ne sais pas' },
        ],
      },
      {
        type: 'date',
        key: 'annualNoticeSentOn',
        label: 'Avis d’échéance envoyé le',
        hint: 'Date d’envoi par l’organisme (cachet ou date du courrier).',
        show: (v) => v.facts.annualNotice === 'sent',
      },
      { type: 'date', key: 'subscriptionDate', label: 'Date de souscription ou d’adhésion' },
      {
        type: 'choice',
        key: 'terminationGround',
        legend: 'Motif de la résiliation',
        choices: [
          { value: 'annual', label: 'À l’échéance annuelle' },
          { value: 'anytime', label: 'À tout moment, après un an de contrat' },
          { value: 'situation_change', label: 'Changement de situation (déménagement, mariage, retraite…)' },
          { value: '', label: 'Je ne sais pas\u00a0: le choisir pour moi' },
        ],
      },
      {
        type: 'date',
        key: 'situationChangeOn',
        label: 'Date du changement de situation',
        show: (v) => v.facts.terminationGround === 'situation_change',
      },
      { type: 'date', key: 'terminationRequestSentOn', label: 'Demande de résiliation envoyée le' },
      {
        type: 'date',
        key: 'terminationReceivedOn',
        label: 'Demande de résiliation reçue par l’organisme le',
      },
      {
        type: 'date',
        key: 'contributionRefundedOn',
        label: 'Cotisation trop payée remboursée le',
        show: (v) =>
          (v.facts.terminationRequestSentOn ?? '') !== '' || (v.facts.terminationReceivedOn ?? '') !== '',
      },
    ],
  },
  {
    id: 'portability',
    title: 'Portabilité / loi Evin',
    toggle: 'J’ai quitté mon emploi (portabilité, loi Evin)',
    hint: 'Pour un contrat collectif d’entreprise.',
    appliesTo: (org) => org !== 'cpam',
    fields: [
      { type: 'date', key: 'employmentContractStartOn', label: 'Début du dernier contrat de travail' },
      { type: 'date', key: 'employmentContractEndOn', label: 'Fin du contrat de travail' },
      {
        type: 'date',
        key: 'unemploymentBenefitEndedOn',
        label: 'Fin de l’indemnisation chômage',
        hint: 'Si elle a déjà pris fin\u00a0: elle arrête la portabilité.',
      },
      { type: 'date', key: 'portabilityEndOn', label: 'Fin de la portabilité, si vous la connaissez' },
      {
        type: 'date',
        key: 'leftCompanyOn',
        label: 'Départ de l’entreprise',
        hint: 'Seulement s’il diffère de la fin du contrat de travail.',
      },
      {
        type: 'date',
        key: 'evinProposalReceivedOn',
        label: 'Proposition de maintien des garanties reçue le',
      },
      { type: 'date', key: 'evinAppliedOn', label: 'Demande de maintien des garanties envoyée le' },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Options: the conventions the texts leave open (docs/deadlines.md, « Options »)

interface OptionChoiceDef {
  type: 'choice';
  key: string;
  legend: string;
  hint?: string;
  choices: Choice[];
  default: string;
  show?: (v: DeadlinesFormValues) => boolean;
}
interface OptionNumberDef {
  type: 'number';
  key: string;
  label: string;
  hint?: string;
  default: string;
  min: number;
  max: number;
}
interface OptionMultiDef {
  type: 'multi';
  key: string;
  legend: string;
  hint?: string;
  choices: Choice[];
  default: string[];
}
export type OptionDef = OptionChoiceDef | OptionNumberDef | OptionMultiDef;

const CURRENT_ACKNOWLEDGMENT_DAYS = PARAMETERS.complaintAcknowledgment.values.at(-1)?.value;

export const OPTIONS: OptionDef[] = [
  {
    type: 'number',
    key: 'acknowledgmentDays',
    label: 'Délai d’accusé de réception, en jours',
    hint: `Recommandation ACPR 2024-R-02\u00a0: ${CURRENT_ACKNOWLEDGMENT_DAYS}\u00a0jours.`,
    // The law's value, from the parameter table: left unchanged, the option is not sent and the engine uses it.
    default: String(CURRENT_ACKNOWLEDGMENT_DAYS),
    min: 1,
    max: 60,
  },
  {
    type: 'choice',
    key: 'acknowledgmentDayKind',
    legend: 'Jours comptés pour l’accusé de réception',
    choices: [
      {
        value: 'ouvrables',
        label: 'Jours ouvrables\u00a0: tous les jours sauf le dimanche et les jours fériés',
      },
      { value: 'ouvres', label: 'Jours ouvrés\u00a0: du lundi au vendredi, hors jours fériés' },
    ],
    default: 'ouvrables',
  },
  {
    type: 'choice',
    key: 'complaintCountFrom',
    legend: 'Point de départ des délais de la réclamation',
    choices: [
      { value: 'sending', label: 'L’envoi de la réclamation (position actuelle de l’ACPR)' },
      { value: 'receipt', label: 'Sa réception par l’organisme (anciennes recommandations)' },
    ],
    default: 'sending',
  },
  {
    type: 'choice',
    key: 'mediationOutcomeFrom',
    legend: 'Point de départ des 90 jours de la médiation',
    choices: [
      { value: 'notification', label: 'La notification de la saisine aux parties (article R612-5)' },
      { value: 'complete_file', label: 'La réception du dossier complet (pratique de certains médiateurs)' },
    ],
    default: 'notification',
    show: notCpam,
  },
  {
    type: 'choice',
    key: 'mutuelleMediator',
    legend: 'Médiateur de votre mutuelle',
    hint: 'Indiqué dans la réponse à votre réclamation ou dans votre contrat.',
    choices: [
      { value: 'fnmf', label: 'Médiateur de la Mutualité Française (FNMF)' },
      { value: 'lma', label: 'La Médiation de l’Assurance (LMA)' },
    ],
    default: 'fnmf',
    show: (v) => v.organisationType === 'mutuelle',
  },
  {
    type: 'choice',
    key: 'prescriptionSuspensionFrom',
    legend: 'La médiation suspend la prescription à partir de',
    choices: [
      { value: 'seizure', label: 'La saisine du médiateur (Cass. com. 11/05/2022)' },
      {
        value: 'notification',
        label: 'La notification de la saisine aux parties (article 2238 du code civil)',
      },
    ],
    default: 'seizure',
    show: notCpam,
  },
  {
    type: 'choice',
    key: 'cpamBenefitsInKindPrescription',
    legend: 'Prescription des remboursements de soins par la CPAM',
    choices: [
      { value: 'l332_1', label: 'Appliquer l’article L332-1 du code de la sécurité sociale' },
      { value: 'unsettled', label: 'Signaler la base légale comme incertaine' },
    ],
    default: 'l332_1',
    show: isCpam,
  },
  {
    type: 'choice',
    key: 'goodFridayInAlsace',
    legend: 'Compter le Vendredi saint comme jour férié',
    hint: 'Il ne l’est légalement que dans les communes ayant un temple protestant ou une église mixte.',
    choices: YES_NO,
    default: 'true',
    show: (v) => v.zone === 'alsace_moselle',
  },
  {
    type: 'multi',
    key: 'rollOverDeadlines',
    legend:
      'Délais reportés au jour ouvrable suivant quand ils tombent un samedi, un dimanche ou un jour férié',
    hint: 'Article 642 du code de procédure civile. Par défaut, seuls les délais de procédure devant la CPAM le sont.',
    choices: DEADLINE_IDS.map((id) => ({ value: id, label: DEADLINE_TITLES[id] })),
    default: [...DEFAULT_ROLL_OVER],
  },
];

export function optionVisible(def: OptionDef, values: DeadlinesFormValues): boolean {
  return def.type !== 'choice' || !def.show || def.show(values);
}

// ---------------------------------------------------------------------------------------------------------------
// Values, ids, validation

/** Today's date in Paris, as `YYYY-MM-DD` (the server never reads the clock: the form says which day it is). */
export function todayInParis(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

let nextLetterKey = 1;
export const newLetter = (value = '') => ({ key: nextLetterKey++, value });

export function initialValues(): DeadlinesFormValues {
  const facts: Record<string, string> = {};
  for (const key of BOOLEAN_FACTS) facts[key] = 'true';
  const options: Record<string, string | string[]> = {};
  for (const def of OPTIONS) options[def.key] = def.default;
  return {
    organisationType: '',
    zone: 'metropole',
    today: todayInParis(),
    groups: {
      complaint: false,
      mediation: false,
      prescription: false,
      cpam: false,
      termination: false,
      portability: false,
    },
    facts,
    letters: [newLetter()],
    options,
    optionsOpen: false,
  };
}

/** The control of each place the API may name; a choice's first radio stands for the group. */
export const ids = {
  organisationType: 'dl-organisationType',
  zone: 'dl-zone',
  today: 'dl-today',
  fact: (key: string) => `dl-${key}`,
  letter: (rowKey: number) => `dl-interruptionLetters-${rowKey}`,
  option: (key: string) => `dl-opt-${key}`,
  group: (id: GroupId) => `dl-group-${id}`,
  toggle: (id: GroupId) => `dl-toggle-${id}`,
};

export function visibleGroups(values: DeadlinesFormValues): GroupDef[] {
  return GROUPS.filter((g) => g.appliesTo(values.organisationType));
}

export function openGroups(values: DeadlinesFormValues): GroupDef[] {
  return visibleGroups(values).filter((g) => values.groups[g.id]);
}

export function fieldVisible(field: FactFieldDef, values: DeadlinesFormValues): boolean {
  return field.type === 'letters' || !field.show || field.show(values);
}

export { calendarDateOf } from '../../shared/date-input.ts';

export interface Built {
  errors: FieldErrors;
  input: DeadlinesInput | null;
  /** The control of each API field this request may name back (`facts.interruptionLetters[1]`…). */
  apiFields: Record<string, string>;
  /** The ids, in the order of the form, for the error summary. */
  order: string[];
}

/**
 * Checks what the browser can check and builds the API body from the open groups only (a closed group keeps its
 * dates but does not count). `badInput` holds the ids of date controls the browser could not read.
 */
export function buildInput(values: DeadlinesFormValues, badInput: ReadonlySet<string>): Built {
  const errors: FieldErrors = {};
  const order: string[] = [ids.organisationType, ids.zone, ids.today];
  const apiFields: Record<string, string> = {
    'context.organisationType': ids.organisationType,
    'context.zone': ids.zone,
    'context.today': ids.today,
  };

  const readDate = (id: string, raw: string, required: boolean): string | undefined => {
    if (badInput.has(id)) {
      errors[id] = DATE_MESSAGE;
      return undefined;
    }
    if (raw.trim() === '') {
      if (required) errors[id] = 'Indiquez la date du jour.';
      return undefined;
    }
    const read = readDateText(raw);
    if ('error' in read) errors[id] = read.error;
    return 'date' in read ? read.date : undefined;
  };

  if (values.organisationType === '')
    errors[ids.organisationType] = 'Choisissez le type d’organisme en face de vous.';
  const today = readDate(ids.today, values.today, true);

  const facts: Record<string, unknown> = {};
  for (const group of openGroups(values)) {
    for (const field of group.fields) {
      if (!fieldVisible(field, values)) continue;
      if (field.type === 'letters') {
        const letters: string[] = [];
        for (const row of values.letters) {
          const id = ids.letter(row.key);
          order.push(id);
          const date = readDate(id, row.value, false);
          if (date) {
            apiFields[`facts.interruptionLetters[${letters.length}]`] = id;
            letters.push(date);
          }
        }
        if (letters.length > 0) facts.interruptionLetters = letters;
        continue;
      }
      const id = ids.fact(field.key);
      order.push(id);
      apiFields[`facts.${field.key}`] = id;
      const raw = values.facts[field.key] ?? '';
      if (field.type === 'date') {
        const date = readDate(id, raw, false);
        if (date) facts[field.key] = date;
      } else if (field.key === 'annualNotice') {
        apiFields['facts.annualNoticeNotSent'] = id;
        if (raw === 'never') facts.annualNoticeNotSent = true;
      } else if ((BOOLEAN_FACTS as readonly string[]).includes(field.key)) {
        if (raw === 'false') facts[field.key] = false;
      } else if (raw !== '') {
        facts[field.key] = raw;
      }
    }
  }

  if (facts.answerReceivedOn && !facts.answerOutcome) {
    errors[ids.fact('answerOutcome')] =
      'Indiquez le sens de la réponse\u00a0: il détermine quand vous pouvez saisir le médiateur.';
  }

  // Only the conventions the person changed are sent: the answer then says which ones are the defaults.
  const options: Record<string, unknown> = {};
  for (const def of OPTIONS) {
    if (!optionVisible(def, values)) continue;
    const id = ids.option(def.key);
    order.push(id);
    apiFields[`options.${def.key}`] = id;
    const value = values.options[def.key] ?? def.default;
    if (def.type === 'number') {
      const text = String(value).trim();
      const n = Number(text);
      if (!/^\d+$/.test(text) || n < def.min || n > def.max) {
        errors[id] = `Indiquez un nombre entier de jours, de ${def.min} à ${def.max}.`;
      } else if (text !== def.default) options[def.key] = n;
    } else if (def.type === 'multi') {
      const list = Array.isArray(value) ? value : [];
      list.forEach((_, i) => {
        apiFields[`options.${def.key}[${i}]`] = id;
      });
      const same = list.length === def.default.length && def.default.every((d) => list.includes(d));
      if (!same) options[def.key] = DEADLINE_IDS.filter((d) => list.includes(d));
    } else if (value !== def.default) {
      options[def.key] = def.key === 'goodFridayInAlsace' ? value === 'true' : value;
    }
  }

  if (Object.keys(errors).length > 0 || !today || values.organisationType === '') {
    return { errors, input: null, apiFields, order };
  }
  const input = {
    context: { organisationType: values.organisationType, zone: values.zone, today },
    facts,
    options,
  } as DeadlinesInput;
  return { errors, input, apiFields, order };
}

/**
 * The engine's messages name the fact in French and then its API key for developers
 * (« la réception de la réclamation (complaintReceivedOn, 01/03/2026) »): the person only needs the date.
 */
export function readableMessage(message: string): string {
  return message.replace(/\(([a-z]+[A-Z][A-Za-z]*), /g, '(');
}

/** Fills the form from the documented example (a mutuelle file), with the example's own « today ». */
export function exampleValues(): DeadlinesFormValues {
  const values = initialValues();
  const example = exampleInput as {
    context: { organisationType: OrganisationType; zone?: Zone; today: string };
    facts: Record<string, string | string[]>;
  };
  values.organisationType = example.context.organisationType;
  values.zone = example.context.zone ?? 'metropole';
  values.today = example.context.today;
  for (const [key, value] of Object.entries(example.facts)) {
    if (key === 'interruptionLetters' && Array.isArray(value))
      values.letters = value.map((d) => newLetter(d));
    else if (typeof value === 'string') values.facts[key] = value;
  }
  for (const group of GROUPS) {
    values.groups[group.id] = group.fields.some((f) =>
      f.type === 'letters'
        ? values.letters.some((l) => l.value)
        : f.type === 'date' && (values.facts[f.key] ?? '') !== '',
    );
  }
  return values;
}
