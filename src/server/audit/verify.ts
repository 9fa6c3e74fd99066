import type { Database } from '../../db/client.ts';
import { type Snapshot, type TextRow, withSnapshots } from '../../db/snapshot.ts';
import { type Checkpoint, checkpointProblem, LOG_ORIGIN } from '../../domain/audit/checkpoint.ts';
import { eventHash, GENESIS_HASH, SYSTEM_CHAIN_ID } from '../../domain/audit/event-hash.ts';
import { StreamingMerkle } from '../../domain/audit/merkle.ts';

export type BreakKind = 'altered' | 'inserted' | 'deleted' | 'moved' | 'log' | 'checkpoint';

/** One break of the history, said in French, with the file (or organisation) whose chain it is in. */
export interface AuditBreak {
  kind: BreakKind;
  reason: string;
  /** The chain: a file's id, an organisation's id (its events without a file), or the nil UUID (the platform). */
  chainId: string | null;
  /** Filled after the passes: the file concerned and its reference, or the organisation. */
  dossierId?: string | null;
  dossierReference?: string;
  organisationName?: string;
  /** Position in the file's chain, when the break is one event. */
  chainSeq?: number;
  /** The event's number (its id), when it still exists. */
  eventId?: number;
  checkpointId?: number;
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  chains: number;
  leaves: number;
  pending: number;
  checkpointsChecked: number;
  breakCount: number;
  /** Every break, or the first `maxBreaks` of them (breakCount says how many there are). */
  breaks: AuditBreak[];
  durationMs: number;
}

export interface VerifyOptions {
  trustedKeyIds: ReadonlySet<string>;
  /** A checkpoint kept by the auditor outside the database (`--checkpoint FILE`): it must still hold. */
  externalCheckpoint?: Checkpoint | undefined;
  maxBreaks?: number;
  batchSize?: number;
  now?: () => number;
}

const EVENTS_SQL = `select seq::text, chain_id::text, chain_seq::text, dossier_id::text, actor_id::text, type,
  ((extract(epoch from occurred_at) * 1000000)::bigint)::text, prev_hash, hash, payload::text
  from audit_events e order by e.chain_id, e.chain_seq`;
// Qualified names in ORDER BY: a bare name would sort by the text column of the same name (10 before 2).
const HEADS_SQL =
  'select chain_id::text, last_seq::text, last_hash from audit_chain_heads h order by h.chain_id';
const LEAVES_SQL = `select l.leaf_index::text, l.event_seq::text, e.hash from audit_log_leaves l
  left join audit_events e on e.seq = l.event_seq order by l.leaf_index`;
const CHECKPOINTS_SQL = `select id::text, tree_size::text, root_hash,
  to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), key_id, public_key, signature
  from audit_checkpoints c order by c.tree_size, c.id`;

/** Pulls one row at a time from a cursor's batches. */
function rowReader(batches: AsyncGenerator<TextRow[]>) {
  let batch: TextRow[] = [];
  let i = 0;
  return async (): Promise<TextRow | undefined> => {
    if (i >= batch.length) {
      const next = await batches.next();
      if (next.done) return undefined;
      batch = next.value;
      i = 0;
    }
    return batch[i++];
  };
}

class Breaks {
  count = 0;
  readonly list: AuditBreak[] = [];
  constructor(private readonly max: number) {}
  add(b: AuditBreak) {
    this.count += 1;
    if (this.list.length < this.max) this.list.push(b);
  }
}

function range(from: number, to: number) {
  return from === to ? `n° ${from}` : `n° ${from} à ${to}`;
}

/**
 * Pass 1, file by file: every event's hash recomputed from its columns, the numbering without gap or double, each
 * link to the previous hash, and the last event against the chain's head (which reveals the newest rows deleted).
 */
async function verifyChains(s: Snapshot, breaks: Breaks, batchSize: number) {
  const nextEvent = rowReader(s.cursor(EVENTS_SQL, batchSize));
  const nextHead = rowReader(s.cursor(HEADS_SQL, batchSize));
  let head = await nextHead();
  let events = 0;
  let chains = 0;
  let chainId: string | null = null;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;

  /** Heads of chains that have no event left at all, up to `id` (heads and events are sorted alike). */
  const headsWithoutEvents = async (id: string | null) => {
    while (head && (id === null || head[0]! < id)) {
      breaks.add({
        kind: 'deleted',
        chainId: head[0]!,
        reason: `tous les événements de ce dossier (${head[1]}) ont été supprimés`,
      });
      head = await nextHead();
    }
  };

  const closeChain = async (id: string, lastSeq: number, lastHash: string) => {
    await headsWithoutEvents(id);
    if (!head || head[0] !== id) {
      breaks.add({
        kind: 'inserted',
        chainId: id,
        reason:
          'cette chaîne n’a pas de tête enregistrée : ses événements ont été ajoutés hors de l’application',
      });
      return;
    }
    const headSeq = Number(head[1]);
    if (headSeq > lastSeq) {
      breaks.add({
        kind: 'deleted',
        chainId: id,
        chainSeq: lastSeq + 1,
        reason: `les événements les plus récents (${range(lastSeq + 1, headSeq)}) ont été supprimés`,
      });
    } else if (headSeq < lastSeq) {
      breaks.add({
        kind: 'inserted',
        chainId: id,
        chainSeq: headSeq + 1,
        reason: `des événements (${range(headSeq + 1, lastSeq)}) ont été ajoutés après le dernier enregistré`,
      });
    } else if (head[2] !== lastHash) {
      breaks.add({
        kind: 'altered',
        chainId: id,
        chainSeq: lastSeq,
        reason: 'le dernier événement ne correspond plus à celui enregistré en tête de chaîne',
      });
    }
    head = await nextHead();
  };

  let lastSeq = 0;
  for (let row = await nextEvent(); row; row = await nextEvent()) {
    const [seqText, rowChain, chainSeqText, dossierId, actorId, type, micros, rowPrev, rowHash, payload] =
      row as [string, string, string, string | null, string | null, string, string, string, string, string];
    if (rowChain !== chainId) {
      if (chainId !== null) await closeChain(chainId, lastSeq, prevHash);
      chainId = rowChain!;
      chains += 1;
      expectedSeq = 1;
      prevHash = GENESIS_HASH;
    }
    events += 1;
    const chainSeq = Number(chainSeqText);
    const eventId = Number(seqText);
    const at = { chainId, chainSeq, eventId };
    if (dossierId !== null && dossierId !== chainId) {
      breaks.add({ ...at, kind: 'moved', reason: 'l’événement a été rattaché à un autre dossier' });
    }
    let linkExplained = false;
    if (chainSeq > expectedSeq) {
      breaks.add({
        ...at,
        chainSeq: expectedSeq,
        kind: 'deleted',
        reason: `les événements ${range(expectedSeq, chainSeq - 1)} de ce dossier ont été supprimés`,
      });
      linkExplained = true;
    } else if (chainSeq < expectedSeq) {
      breaks.add({ ...at, kind: 'inserted', reason: `un événement en double porte le n° ${chainSeq}` });
      linkExplained = true;
    }
    const recomputed = eventHash({
      chainId: rowChain!,
      chainSeq: chainSeqText!,
      dossierId,
      actorId,
      type: type!,
      occurredMicros: micros!,
      prevHash: rowPrev!,
      payloadText: payload!,
    });
    if (recomputed !== rowHash) {
      breaks.add({
        ...at,
        kind: 'altered',
        reason:
          'le contenu de l’événement (auteur, type, date à la microseconde, données ou rang) a été modifié',
      });
    } else if (rowPrev !== prevHash && !linkExplained) {
      breaks.add({
        ...at,
        kind: 'inserted',
        reason:
          'l’événement ne suit pas le précédent : il a été inséré, déplacé ou le précédent a été modifié ou remplacé',
      });
    }
    prevHash = rowHash!;
    lastSeq = chainSeq;
    expectedSeq = chainSeq + 1;
  }
  if (chainId !== null) await closeChain(chainId, lastSeq, prevHash);
  await headsWithoutEvents(null);
  return { events, chains };
}

interface CheckpointToCheck {
  checkpoint: Checkpoint;
  id?: number;
  label: string;
}

function checkpointLabel(c: { id?: number; issuedAt: string }) {
  return c.id !== undefined ? `n° ${c.id} du ${c.issuedAt}` : `fourni (${c.issuedAt})`;
}

/**
 * Pass 2, the Merkle log in leaf order: each leaf's event still exists, the root recomputed at every checkpoint's
 * size equals the signed one (a rewrite of whole chains shows here), signatures by trusted keys only.
 */
async function verifyLog(s: Snapshot, breaks: Breaks, options: VerifyOptions, batchSize: number) {
  const rows = await s.query(CHECKPOINTS_SQL);
  const toCheck: CheckpointToCheck[] = rows.map((r) => {
    const checkpoint: Checkpoint = {
      origin: LOG_ORIGIN,
      treeSize: Number(r[1]),
      rootHash: r[2]!,
      issuedAt: r[3]!,
      keyId: r[4]!,
      publicKey: r[5]!,
      signature: r[6]!,
    };
    return { checkpoint, id: Number(r[0]), label: checkpointLabel({ id: Number(r[0]), issuedAt: r[3]! }) };
  });
  if (options.externalCheckpoint) {
    toCheck.push({
      checkpoint: options.externalCheckpoint,
      label: checkpointLabel({ issuedAt: options.externalCheckpoint.issuedAt }),
    });
  }
  toCheck.sort((a, b) => a.checkpoint.treeSize - b.checkpoint.treeSize);
  for (const c of toCheck) {
    const problem = checkpointProblem(c.checkpoint, options.trustedKeyIds);
    if (problem) {
      breaks.add({
        kind: 'checkpoint',
        chainId: null,
        checkpointId: c.id,
        reason: `point de contrôle ${c.label} : ${problem}`,
      });
    }
  }
  let next = 0;
  const merkle = new StreamingMerkle();
  const compareDue = () => {
    while (next < toCheck.length && toCheck[next]!.checkpoint.treeSize === merkle.size) {
      const c = toCheck[next]!;
      if (merkle.root() !== c.checkpoint.rootHash) {
        breaks.add({
          kind: 'checkpoint',
          chainId: null,
          checkpointId: c.id,
          reason: `l’historique ne correspond plus au point de contrôle ${c.label} (${c.checkpoint.treeSize} événements scellés) : un événement scellé a été modifié, supprimé, remplacé ou déplacé`,
        });
      }
      next += 1;
    }
  };
  compareDue();
  const nextLeaf = rowReader(s.cursor(LEAVES_SQL, batchSize));
  for (let row = await nextLeaf(); row; row = await nextLeaf()) {
    const [indexText, eventSeq, hash] = row;
    if (Number(indexText) !== merkle.size) {
      breaks.add({
        kind: 'deleted',
        chainId: null,
        reason: `des feuilles du journal (${range(merkle.size, Number(indexText) - 1)}) ont été supprimées`,
      });
      while (merkle.size < Number(indexText)) {
        merkle.push(GENESIS_HASH);
        compareDue();
      }
    }
    if (hash === null) {
      breaks.add({
        kind: 'deleted',
        chainId: null,
        eventId: Number(eventSeq),
        reason: `l’événement n° ${eventSeq}, scellé dans le journal (feuille ${indexText}), a été supprimé`,
      });
    }
    merkle.push(hash ?? GENESIS_HASH);
    compareDue();
  }
  for (; next < toCheck.length; next += 1) {
    const c = toCheck[next]!;
    breaks.add({
      kind: 'deleted',
      chainId: null,
      checkpointId: c.id,
      reason: `le point de contrôle ${c.label} scellait ${c.checkpoint.treeSize} événements, le journal n’en compte plus que ${merkle.size} : des événements scellés ont été supprimés`,
    });
  }
  return { leaves: merkle.size, checkpointsChecked: toCheck.length };
}

/** Says which file (its reference) or organisation each break concerns: an auditor reads references, not ids. */
async function nameChains(s: Snapshot, list: AuditBreak[]) {
  const ids = [
    ...new Set(list.map((b) => b.chainId).filter((id): id is string => !!id && id !== SYSTEM_CHAIN_ID)),
  ];
  const names = new Map<
    string,
    { dossierId?: string; dossierReference?: string; organisationName?: string }
  >();
  for (let i = 0; i < ids.length; i += 500) {
    const literal = ids
      .slice(i, i + 500)
      .filter((id) => /^[0-9a-f-]{36}$/.test(id))
      .map((id) => `'${id}'`)
      .join(',');
    if (!literal) continue;
    for (const [id, reference] of await s.query(
      `select id::text, reference from dossiers where id in (${literal})`,
    )) {
      names.set(id!, { dossierId: id!, dossierReference: reference! });
    }
    for (const [id, name] of await s.query(
      `select id::text, name from organisations where id in (${literal})`,
    )) {
      names.set(id!, { organisationName: name! });
    }
  }
  for (const b of list) {
    if (!b.chainId) continue;
    Object.assign(b, names.get(b.chainId) ?? {});
    if (b.chainId === SYSTEM_CHAIN_ID) b.organisationName = 'plateforme (événements sans dossier)';
  }
}

/**
 * Verifies the whole history in one consistent snapshot, streaming (memory flat), and lists every break found
 * rather than stopping at the first one.
 */
export async function verifyAuditHistory(database: Database, options: VerifyOptions): Promise<VerifyReport> {
  const now = options.now ?? Date.now;
  const started = now();
  const breaks = new Breaks(options.maxBreaks ?? Number.POSITIVE_INFINITY);
  const batchSize = options.batchSize ?? 10_000;
  // The two passes read different tables: on PostgreSQL they run at once, on two connections of one snapshot.
  return withSnapshots(database, 2, async (sessions) => {
    const [s, t] = sessions as [Snapshot, Snapshot];
    const [{ events, chains }, { leaves, checkpointsChecked }] = await Promise.all([
      verifyChains(s, breaks, batchSize),
      verifyLog(t, breaks, options, batchSize),
    ]);
    const pending = Number((await s.query('select count(*)::text from audit_log_pending'))[0]![0]);
    if (events !== leaves + pending) {
      // Only when no break already explains it (a deletion is counted there).
      if (breaks.count === 0) {
        breaks.add({
          kind: 'inserted',
          chainId: null,
          reason: `${events - leaves - pending} événement(s) ne sont ni scellés ni en attente de l’être : ils ont été ajoutés hors de l’application`,
        });
      }
    }
    await nameChains(s, breaks.list);
    return {
      ok: breaks.count === 0,
      events,
      chains,
      leaves,
      pending,
      checkpointsChecked,
      breakCount: breaks.count,
      breaks: breaks.list,
      durationMs: now() - started,
    };
  });
}
