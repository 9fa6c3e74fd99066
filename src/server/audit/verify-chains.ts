import type { Snapshot } from '../../db/snapshot.ts';
import { eventHash } from '../../domain/audit/event-hash.ts';
import { type Breaks, range } from './breaks.ts';
import { ChainStates } from './chain-states.ts';
import { rowReader } from './row-reader.ts';

/**
 * The events in event order: one pass over the table in the order it was written. The chain order made PostgreSQL
 * visit the table at random (a file's events are spread over it): 2.3 times slower. Uuids and numbers as text.
 * The instant in microseconds is the whole seconds (a float8 epoch is off by far less than a microsecond, so its
 * floor is exact from 1900 to 2100 and beyond) plus the microseconds of the second: exact, and 40 % cheaper for
 * PostgreSQL than `extract(epoch …) * 1000000`, which computes in numeric.
 */
const EVENTS_SQL = `select seq::text, chain_id::text, chain_seq::text, dossier_id::text, actor_id::text, type,
  (floor(date_part('epoch', occurred_at))::bigint * 1000000
    + date_part('microseconds', occurred_at)::bigint % 1000000)::text,
  prev_hash, hash, payload::text
  from audit_events e order by e.seq`;
const HEADS_SQL = 'select chain_id::text, last_seq::text, last_hash from audit_chain_heads';

/** An event met before its predecessor in its chain (a tampered numbering, or a gap): checked once it is due. */
interface Early {
  chainId: string;
  eventId: number;
  prevHash: string;
  hash: string;
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
 */
export async function verifyChains(s: Snapshot, breaks: Breaks, batchSize: number) {
  const states = new ChainStates();
  const early = new Map<number, Map<number, Early>>();
  let events = 0;

  /** The event `chainSeq` follows the chain's last verified one: its link is checked and the chain moves on. */
  const take = (slot: number, chainSeq: number, e: Early) => {
    const expected = states.lastSeq(slot) + 1;
    const at = { chainId: e.chainId, chainSeq, eventId: e.eventId };
    let linkExplained = false;
    if (chainSeq > expected) {
      breaks.add({
        ...at,
        chainSeq: expected,
        kind: 'deleted',
        reason: `les événements ${range(expected, chainSeq - 1)} de ce dossier ont été supprimés`,
      });
      linkExplained = true;
    }
    if (!e.altered && !linkExplained && !states.isLastHash(slot, e.prevHash)) {
      breaks.add({
        ...at,
        kind: 'inserted',
        reason:
          'l’événement ne suit pas le précédent : il a été inséré, déplacé ou le précédent a été modifié ou remplacé',
      });
    }
    states.advance(slot, chainSeq, e.hash);
  };

  /** Takes the waiting events that have become due; with `all`, the rest too, in order, gaps reported. */
  const drain = (slot: number, all: boolean) => {
    const waiting = early.get(slot);
    if (!waiting) return;
    for (let next = waiting.get(states.lastSeq(slot) + 1); next; ) {
      const seq = states.lastSeq(slot) + 1;
      waiting.delete(seq);
      take(slot, seq, next);
      next = waiting.get(seq + 1);
    }
    if (all) {
      for (const seq of [...waiting.keys()].sort((a, b) => a - b)) take(slot, seq, waiting.get(seq)!);
      waiting.clear();
    }
    if (waiting.size === 0) early.delete(slot);
  };

  const nextEvent = rowReader(s.cursor(EVENTS_SQL, batchSize));
  for (let row = await nextEvent(); row; row = await nextEvent()) {
    const [seqText, chainId, chainSeqText, dossierId, actorId, type, micros, prevHash, hash, payload] =
      row as [string, string, string, string | null, string | null, string, string, string, string, string];
    events += 1;
    const slot = states.slot(chainId);
    const chainSeq = Number(chainSeqText);
    const eventId = Number(seqText);
    const at = { chainId, chainSeq, eventId };
    if (dossierId !== null && dossierId !== chainId) {
      breaks.add({ ...at, kind: 'moved', reason: 'l’événement a été rattaché à un autre dossier' });
    }
    const recomputed = eventHash({
      chainId,
      chainSeq: chainSeqText,
      dossierId,
      actorId,
      type,
      occurredMicros: micros,
      prevHash,
      payloadText: payload,
    });
    const altered = recomputed !== hash;
    if (altered) {
      breaks.add({
        ...at,
        kind: 'altered',
        reason:
          'le contenu de l’événement (auteur, type, date à la microseconde, données ou rang) a été modifié',
      });
    }
    const expected = states.lastSeq(slot) + 1;
    const waiting = early.get(slot);
    if (chainSeq < expected || waiting?.has(chainSeq)) {
      breaks.add({ ...at, kind: 'inserted', reason: `un événement en double porte le n° ${chainSeq}` });
    } else if (chainSeq > expected) {
      if (waiting) waiting.set(chainSeq, { chainId, eventId, prevHash, hash, altered });
      else early.set(slot, new Map([[chainSeq, { chainId, eventId, prevHash, hash, altered }]]));
    } else {
      take(slot, chainSeq, { chainId, eventId, prevHash, hash, altered });
      if (waiting) drain(slot, false);
    }
  }
  for (const slot of [...early.keys()]) drain(slot, true);
  await checkHeads(s, breaks, batchSize, states);
  return { events, chains: states.size };
}

/** Each chain's last event against its head; heads without events, and chains without a head. */
async function checkHeads(s: Snapshot, breaks: Breaks, batchSize: number, states: ChainStates) {
  const nextHead = rowReader(s.cursor(HEADS_SQL, batchSize));
  for (let head = await nextHead(); head; head = await nextHead()) {
    const [chainId, headSeqText, headHash] = head as [string, string, string];
    const slot = states.find(chainId);
    if (slot === undefined) {
      breaks.add({
        kind: 'deleted',
        chainId,
        reason: `tous les événements de ce dossier (${headSeqText}) ont été supprimés`,
      });
      continue;
    }
    states.markHeadSeen(slot);
    const headSeq = Number(headSeqText);
    const lastSeq = states.lastSeq(slot);
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
    } else if (!states.isLastHash(slot, headHash)) {
      breaks.add({
        kind: 'altered',
        chainId,
        chainSeq: lastSeq,
        reason: 'le dernier événement ne correspond plus à celui enregistré en tête de chaîne',
      });
    }
  }
  for (const chainId of states.withoutHead()) {
    breaks.add({
      kind: 'inserted',
      chainId,
      reason:
        'cette chaîne n’a pas de tête enregistrée : ses événements ont été ajoutés hors de l’application',
    });
  }
}
