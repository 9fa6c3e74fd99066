import { BinaryCopyParser, type CopyRow, int64, uuidText } from '../../db/copy-binary.ts';
import type { Snapshot } from '../../db/snapshot.ts';
import { type Breaks, range } from './breaks.ts';
import { ChainStates, decodeHash } from './chain-states.ts';
import {
  EVENT_FIELDS,
  EVENTS_SQL,
  EventHasher,
  F_CHAIN,
  F_CHAIN_SEQ,
  F_DOSSIER,
  F_HASH,
  F_PREV,
  F_SEQ,
} from './event-rows.ts';

export const HEADS_SQL = 'select chain_id, last_seq, last_hash from audit_chain_heads';

/** An event met before its predecessor in its chain (a tampered numbering, or a gap): checked once it is due. */
interface Early {
  eventId: number;
  /** The hex text of its previous hash and of its hash, copied out of the read buffer. */
  prevHash: Buffer;
  hash: Buffer;
  /** Its own hash is wrong: already reported, its link is not judged. */
  altered: boolean;
}

/**
 * Pass 1, the chains: every event's hash recomputed from its columns (altered row, microsecond shift, moved row),
 * the numbering without gap or double, each link to the previous hash, then each chain's last event against its
 * head (which reveals the newest rows deleted, rows added after it, a chain deleted whole).
 *
 * Events come in event order, so each chain's last verified number and hash is kept (`ChainStates`, memory grows
 * with the number of files, not of events). An event that comes before its predecessor waits in `early` until its
 * turn, or the end: the outcome is the same as reading each chain in its own order.
 *
 * The rows are read from a binary COPY and checked as bytes where they lie (no object, no string per event): strings
 * are made only for the breaks.
 */
export function chainVerifier(breaks: Breaks) {
  const states = new ChainStates();
  const early = new Map<number, Map<number, Early>>();
  const hasher = new EventHasher();
  const stored = Buffer.alloc(32);
  let events = 0;

  /**
   * The event `chainSeq` follows the chain's last verified one: its link (hex text `prev[prevAt, prevAt + prevLength)`)
   * is checked and the chain moves on to its hash.
   */
  const take = (
    slot: number,
    chainSeq: number,
    eventId: number,
    altered: boolean,
    prev: Buffer,
    prevAt: number,
    prevLength: number,
    hash: Buffer,
    hashAt: number,
    hashLength: number,
  ) => {
    const expected = states.lastSeq(slot) + 1;
    let linkExplained = false;
    if (chainSeq > expected) {
      breaks.add({
        chainId: states.chainId(slot),
        eventId,
        chainSeq: expected,
        kind: 'deleted',
        reason: `les événements ${range(expected, chainSeq - 1)} de ce dossier ont été supprimés`,
      });
      linkExplained = true;
    }
    if (!altered && !linkExplained && !states.isLastHash(slot, prev, prevAt, prevLength)) {
      breaks.add({
        chainId: states.chainId(slot),
        chainSeq,
        eventId,
        kind: 'inserted',
        reason:
          'l’événement ne suit pas le précédent : il a été inséré, déplacé ou le précédent a été modifié ou remplacé',
      });
    }
    states.advance(slot, chainSeq, hash, hashAt, hashLength);
  };
  const takeEarly = (slot: number, chainSeq: number, e: Early) =>
    take(slot, chainSeq, e.eventId, e.altered, e.prevHash, 0, e.prevHash.length, e.hash, 0, e.hash.length);

  /** Takes the waiting events that have become due; with `all`, the rest too, in order, gaps reported. */
  const drain = (slot: number, all: boolean) => {
    const waiting = early.get(slot);
    if (!waiting) return;
    for (let next = waiting.get(states.lastSeq(slot) + 1); next; ) {
      const seq = states.lastSeq(slot) + 1;
      waiting.delete(seq);
      takeEarly(slot, seq, next);
      next = waiting.get(seq + 1);
    }
    if (all) {
      for (const seq of [...waiting.keys()].sort((a, b) => a - b)) takeEarly(slot, seq, waiting.get(seq)!);
      waiting.clear();
    }
    if (waiting.size === 0) early.delete(slot);
  };

  const check = (row: CopyRow) => {
    const { buf, start, length } = row;
    events += 1;
    const chainAt = start[F_CHAIN]!;
    const slot = states.slot(buf, chainAt);
    const chainSeq = int64(buf, start[F_CHAIN_SEQ]!);
    const eventId = int64(buf, start[F_SEQ]!);
    const dossierAt = start[F_DOSSIER]!;
    if (
      length[F_DOSSIER] !== -1 &&
      buf.compare(buf, chainAt, chainAt + 16, dossierAt, dossierAt + 16) !== 0
    ) {
      breaks.add({
        chainId: states.chainId(slot),
        chainSeq,
        eventId,
        kind: 'moved',
        reason: 'l’événement a été rattaché à un autre dossier',
      });
    }
    const hashAt = start[F_HASH]!;
    const hashLength = length[F_HASH]!;
    const altered = !decodeHash(buf, hashAt, hashLength, stored, 0) || !hasher.digest(row).equals(stored);
    if (altered) {
      breaks.add({
        chainId: states.chainId(slot),
        chainSeq,
        eventId,
        kind: 'altered',
        reason:
          'le contenu de l’événement (auteur, type, date à la microseconde, données ou rang) a été modifié',
      });
    }
    const prevAt = start[F_PREV]!;
    const prevLength = length[F_PREV]!;
    const expected = states.lastSeq(slot) + 1;
    const waiting = early.size === 0 ? undefined : early.get(slot);
    if (chainSeq < expected || waiting?.has(chainSeq)) {
      breaks.add({
        chainId: states.chainId(slot),
        chainSeq,
        eventId,
        kind: 'inserted',
        reason: `un événement en double porte le n° ${chainSeq}`,
      });
    } else if (chainSeq > expected) {
      const e: Early = {
        eventId,
        altered,
        prevHash: Buffer.from(buf.subarray(prevAt, prevAt + prevLength)),
        hash: Buffer.from(buf.subarray(hashAt, hashAt + hashLength)),
      };
      if (waiting) waiting.set(chainSeq, e);
      else early.set(slot, new Map([[chainSeq, e]]));
    } else {
      take(slot, chainSeq, eventId, altered, buf, prevAt, prevLength, buf, hashAt, hashLength);
      if (waiting) drain(slot, false);
    }
  };

  const eventRows = new BinaryCopyParser(EVENT_FIELDS, check);
  const headRows = new BinaryCopyParser(3, headChecker(breaks, states));
  return {
    /** The chunks of `EVENTS_SQL` in binary COPY, in order. */
    pushEvents: (chunk: Buffer) => eventRows.push(chunk),
    endEvents() {
      eventRows.end();
      for (const slot of [...early.keys()]) drain(slot, true);
    },
    /** Then the chunks of `HEADS_SQL`. */
    pushHeads: (chunk: Buffer) => headRows.push(chunk),
    end() {
      headRows.end();
      for (const chainId of states.withoutHead()) {
        breaks.add({
          kind: 'inserted',
          chainId,
          reason:
            'cette chaîne n’a pas de tête enregistrée : ses événements ont été ajoutés hors de l’application',
        });
      }
      return { events, chains: states.size };
    },
  };
}

/** Pass 1 in this thread (PGlite, where the database runs in this thread too). */
export async function verifyChains(s: Snapshot, breaks: Breaks) {
  const verifier = chainVerifier(breaks);
  for await (const chunk of s.copy(EVENTS_SQL)) verifier.pushEvents(chunk);
  verifier.endEvents();
  for await (const chunk of s.copy(HEADS_SQL)) verifier.pushHeads(chunk);
  return verifier.end();
}

/** Each chain's last event against its head, and heads without events. */
function headChecker(breaks: Breaks, states: ChainStates) {
  return ({ buf, start, length }: CopyRow) => {
    const slot = states.find(buf, start[0]!);
    const headSeq = int64(buf, start[1]!);
    if (slot === undefined) {
      breaks.add({
        kind: 'deleted',
        chainId: uuidText(buf, start[0]!),
        reason: `tous les événements de ce dossier (${headSeq}) ont été supprimés`,
      });
      return;
    }
    states.markHeadSeen(slot);
    const lastSeq = states.lastSeq(slot);
    const chainId = states.chainId(slot);
    if (headSeq > lastSeq) {
      breaks.add({
        kind: 'deleted',
        chainId,
        chainSeq: lastSeq + 1,
        reason: `les événements les plus récents (${range(lastSeq + 1, headSeq)}) ont été supprimés`,
      });
    } else if (headSeq < lastSeq) {
      breaks.add({
        kind: 'inserted',
        chainId,
        chainSeq: headSeq + 1,
        reason: `des événements (${range(headSeq + 1, lastSeq)}) ont été ajoutés après le dernier enregistré`,
      });
    } else if (!states.isLastHash(slot, buf, start[2]!, length[2]!)) {
      breaks.add({
        kind: 'altered',
        chainId,
        chainSeq: lastSeq,
        reason: 'le dernier événement ne correspond plus à celui enregistré en tête de chaîne',
      });
    }
  };
}
