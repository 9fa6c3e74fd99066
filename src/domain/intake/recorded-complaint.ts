import { isCalendarDate } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';

export {
  RECORDED_CHANNEL_LABELS,
  RECORDED_CHANNELS,
  type RecordedChannel,
} from '../../contracts/channels.ts';

import type { RecordedChannel } from '../../contracts/channels.ts';

export interface RecordedComplaintInput {
  channel: RecordedChannel;
  /** The day the organisation received the complaint (letter opened, call taken, visit, e-mail delivered). */
  receivedOn: string;
  /** The date written on the letter or the e-mail, when there is one. */
  writtenOn?: string | undefined;
  /** At a branch: the member handed or filled in a written complaint (otherwise the complaint is oral). */
  writtenAtCounter?: boolean | undefined;
  today: string;
}

export interface RecordedComplaint {
  /** Facts for the deadline engine (its ACPR clocks start from them). */
  facts: { complaintSentOn?: string; complaintReceivedOn: string };
  /** Oral complaint: the member is invited to confirm it in writing, on this date. */
  oral: boolean;
  writtenConfirmationInvitedOn: string | null;
  /** French notes for the handler about how the clocks were started. */
  notes: string[];
}

/** Dates before this one are typing errors, not complaints (the register keeps years, not centuries). */
const EARLIEST = '1990-01-01';

function checkDate(value: string | undefined, field: string, label: string, today: string): Result<void> {
  if (value === undefined) return ok(undefined);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) {
    return fail('invalid_date', `${label} : date impossible, saisissez-la au format JJ/MM/AAAA.`, field);
  }
  if (value > today) {
    return fail('future_date', `${label} : la date est dans le futur ; corrigez-la.`, field);
  }
  if (value < EARLIEST) {
    return fail('too_old', `${label} : date trop ancienne ; vérifiez l’année.`, field);
  }
  return ok(undefined);
}

/**
 * Which dates start the ACPR clocks for a complaint recorded by staff (ACPR 2024-R-02; see docs/intake.md):
 * - a letter: sent on the date it bears (the clocks count from the sending by default), received on the day it
 *   arrived; without a legible date the engine counts from receipt and says so;
 * - an e-mail: written and received the same day;
 * - a call or a visit: an oral complaint counts from the day it was expressed; the member is invited to confirm
 *   it in writing (same recommendation). No written complaint exists yet, so the escalation ladder still asks for
 *   one before the mediator (C. consom. L612-2, 1°: a prior written complaint).
 */
export function recordedComplaint(input: RecordedComplaintInput): Result<RecordedComplaint> {
  const received = checkDate(input.receivedOn, 'receivedOn', 'Date de réception', input.today);
  if (!received.ok) return received;
  const written = checkDate(input.writtenOn, 'writtenOn', 'Date portée sur le courrier', input.today);
  if (!written.ok) return written;
  if (input.writtenOn && input.writtenOn > input.receivedOn) {
    return fail(
      'written_after_receipt',
      'La date portée sur le courrier est postérieure à sa réception : vérifiez les deux dates.',
      'writtenOn',
    );
  }
  const notes: string[] = [];
  const oral = input.channel === 'phone' || (input.channel === 'counter' && input.writtenAtCounter !== true);
  if (oral) {
    notes.push(
      'Réclamation orale : les délais courent depuis le jour où elle a été exprimée. L’adhérent est invité à la confirmer par écrit si la réponse orale ne le satisfait pas entièrement.',
    );
    return ok({
      facts: { complaintReceivedOn: input.receivedOn },
      oral: true,
      writtenConfirmationInvitedOn: input.receivedOn,
      notes,
    });
  }
  let sentOn: string | undefined;
  if (input.channel === 'letter') {
    sentOn = input.writtenOn;
    if (!sentOn) {
      notes.push(
        'Date du courrier inconnue : les délais sont comptés depuis sa réception, ce qui peut les repousser de quelques jours.',
      );
    }
  } else if (input.channel === 'email') {
    sentOn = input.writtenOn ?? input.receivedOn;
  } else {
    sentOn = input.receivedOn;
  }
  return ok({
    facts: sentOn
      ? { complaintSentOn: sentOn, complaintReceivedOn: input.receivedOn }
      : { complaintReceivedOn: input.receivedOn },
    oral: false,
    writtenConfirmationInvitedOn: null,
    notes,
  });
}
