import { TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import {
  RECORDED_CHANNEL_LABELS,
  RECORDED_CHANNELS,
  type RecordedChannel,
} from '../../../../src/domain/intake/recorded-complaint.ts';
import { calendarDateOf } from '../../shared/date-input.ts';
import { parseEurosToCents } from '../../shared/format.ts';
import type { FieldErrors } from '../../shared/ui/form.tsx';
import type { RecordComplaintBody } from './api.ts';

export const IDS = {
  search: 'rc-recherche',
  member: 'rc-adherent',
  newName: 'rc-nom',
  newEmail: 'rc-email',
  newPhone: 'rc-telephone',
  newNumber: 'rc-numero',
  newAddress: 'rc-adresse',
  channel: 'rc-canal',
  receivedOn: 'rc-reception',
  writtenOn: 'rc-date-courrier',
  writtenAtCounter: 'rc-ecrit-agence',
  category: 'rc-categorie',
  title: 'rc-objet',
  description: 'rc-texte',
  amount: 'rc-montant',
} as const;
export const ORDER = Object.values(IDS);

/** The API's field names (dotted) → the form's control ids, to show a server refusal beside its field. */
export const API_FIELDS: Record<string, string> = {
  'member.id': IDS.member,
  'member.new.displayName': IDS.newName,
  'member.new.email': IDS.newEmail,
  'member.new.phone': IDS.newPhone,
  'member.new.memberNumber': IDS.newNumber,
  'member.new.postalAddress': IDS.newAddress,
  channel: IDS.channel,
  receivedOn: IDS.receivedOn,
  writtenOn: IDS.writtenOn,
  category: IDS.category,
  title: IDS.title,
  description: IDS.description,
  amountCents: IDS.amount,
};

export const CHANNEL_OPTIONS = RECORDED_CHANNELS.map((id) => ({ id, label: RECORDED_CHANNEL_LABELS[id] }));

export interface RecordValues {
  memberId: string;
  newMember: boolean;
  newName: string;
  newEmail: string;
  newPhone: string;
  newNumber: string;
  newAddress: string;
  channel: RecordedChannel | '';
  receivedOn: string;
  writtenOn: string;
  writtenAtCounter: boolean;
  category: string;
  title: string;
  description: string;
  amount: string;
}

export const EMPTY: RecordValues = {
  memberId: '',
  newMember: false,
  newName: '',
  newEmail: '',
  newPhone: '',
  newNumber: '',
  newAddress: '',
  channel: '',
  receivedOn: '',
  writtenOn: '',
  writtenAtCounter: false,
  category: '',
  title: '',
  description: '',
  amount: '',
};

/** The server's limit, read where the route reads it. */
export const DESCRIPTION_MAX = TEXT_LIMITS.complaintDescription;

/** What the browser can check before sending; the server checks again with the same rules. */
export function validateRecord(
  values: RecordValues,
  today: string,
): { errors: FieldErrors; body: RecordComplaintBody | null } {
  const errors: FieldErrors = {};
  let member: RecordComplaintBody['member'] | undefined;
  if (values.newMember) {
    const name = values.newName.trim();
    if (name.length < 2) errors[IDS.newName] = 'Indiquez le nom de l’adhérent.';
    const email = values.newEmail.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      errors[IDS.newEmail] = 'Adresse e-mail invalide\u00a0: elle s’écrit comme prenom.nom@exemple.fr.';
    }
    member = {
      new: {
        displayName: name,
        ...(email ? { email } : {}),
        ...(values.newPhone.trim() ? { phone: values.newPhone.trim() } : {}),
        ...(values.newNumber.trim() ? { memberNumber: values.newNumber.trim() } : {}),
        ...(values.newAddress.trim() ? { postalAddress: values.newAddress.trim() } : {}),
      },
    };
  } else if (!values.memberId) {
    errors[IDS.member] = 'Choisissez l’adhérent dans les résultats de la recherche, ou créez sa fiche.';
  } else {
    member = { id: values.memberId };
  }
  if (!values.channel) errors[IDS.channel] = 'Indiquez par quel canal la réclamation est arrivée.';
  const receivedOn = calendarDateOf(values.receivedOn);
  if (!receivedOn) errors[IDS.receivedOn] = 'Date invalide\u00a0: écrivez-la sous la forme 23/11/2026.';
  else if (receivedOn > today)
    errors[IDS.receivedOn] = 'La date de réception est dans le futur\u00a0: corrigez-la.';
  let writtenOn: string | null = null;
  if (values.writtenOn.trim() && (values.channel === 'letter' || values.channel === 'email')) {
    writtenOn = calendarDateOf(values.writtenOn);
    if (!writtenOn) errors[IDS.writtenOn] = 'Date invalide\u00a0: écrivez-la sous la forme 23/11/2026.';
    else if (receivedOn && writtenOn > receivedOn) {
      errors[IDS.writtenOn] =
        'La date du courrier est postérieure à sa réception\u00a0: vérifiez les deux dates.';
    }
  }
  const title = values.title.trim();
  if (title.length < 3) errors[IDS.title] = 'Donnez un objet de 3 caractères au moins.';
  else if (title.length > 200)
    errors[IDS.title] = `L’objet fait ${title.length} caractères\u00a0: 200 au plus.`;
  const description = values.description.trim();
  if (description.length > DESCRIPTION_MAX) {
    errors[IDS.description] =
      `Le texte fait ${description.length.toLocaleString('fr-FR')} caractères\u00a0: ${DESCRIPTION_MAX.toLocaleString('fr-FR')} au plus. Joignez le courrier complet en pièce.`;
  }
  const amount = parseEurosToCents(values.amount);
  if (!amount.ok) errors[IDS.amount] = amount.message;
  if (Object.keys(errors).length > 0 || !member || !receivedOn || !values.channel || !amount.ok) {
    return { errors, body: null };
  }
  return {
    errors,
    body: {
      member,
      channel: values.channel,
      receivedOn,
      ...(writtenOn ? { writtenOn } : {}),
      ...(values.channel === 'counter' ? { writtenAtCounter: values.writtenAtCounter } : {}),
      ...(values.category ? { category: values.category } : {}),
      title,
      description,
      ...(amount.cents !== null ? { amountCents: amount.cents } : {}),
    },
  };
}
