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
  /** How many ranges of chains are checked at once on PostgreSQL (one connection each); 2 by default. */
  chainPasses?: number;
  now?: () => number;
}

/** The events and heads of the chains in [from, to) (uuids as text: one pass per range, run at once). */
function eventsSql(range: ChainRange) {
  return `select seq::text, chain_id::text, chain_seq::text, dossier_id::text, actor_id::text, type,
  ((extract(epoch from occurred_at) * 1000000)::bigint)::text, prev_hash, hash, payload::text
  from audit_events e where ${rangeClause('e', range)} order by e.chain_id, e.chain_seq`;
}
// Qualified names in ORDER BY: a bare name would sort by the text column of the same name (10 before 2).
function headsSql(range: ChainRange) {
  return `select chain_id::text, last_seq::text, last_hash from audit_chain_heads h
  where ${rangeClause('h', range)} order by h.chain_id`;
}

/** A range of chain ids; null bounds are open. Bounds are built here from hex digits, never from input. */
interface ChainRange {
  from: string | null;
  to: string | null;
}

function rangeClause(alias: string, range: ChainRange) {
  const clauses = ['true'];
  if (range.from) clauses.push(`${alias}.chain_id >= '${range.from}'::uuid`);
  if (range.to) clauses.push(`${alias}.chain_id < '${range.to}'::uuid`);
  return clauses.join(' and ');
}

/** `parts` ranges of equal width over the uuid space (chain ids are random uuids: about as many chains in each). */
export function chainRanges(parts: number): ChainRange[] {
  const bound = (i: number) =>
    `${Math.floor((i * 0x100000000) / parts)
      .toString(16)
      .padStart(8, '0')}-0000-0000-0000-000000000000`;
  return Array.from({ length: parts }, (_, i) => ({
    from: i === 0 ? null : bound(i),
    to: i === parts - 1 ? null : bound(i + 1),
  }));
}
const LEAVES_SQL = `select l.leaf_index::text, l.event_seq::text, e.hash from audit_log_leaves l
  left join audit_events e on e.seq = l.event_seq order by l.leaf_index`;
const CHECKPOINTS_SQL = `select id::text, tree_size::text, root_hash,
  to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), key_id, public_key, signature
  from audit_checkpoints c order by c.tree_size, c.id`;

/**
 * Pulls one row at a time from a cursor's batches. The next batch is asked for as soon as one arrives, so the
 * database reads it while this one is checked (without it, each side waited for the other half the time).
 */
function rowReader(batches: AsyncGenerator<TextRow[]>) {
  let batch: TextRow[] = [];
  let i = 0;
  let pending: Promise<IteratorResult<TextRow[]>> | null = batches.next();
  return async (): Promise<TextRow | undefined> => {
    if (i >= batch.length) {
      if (!pending) return undefined;
      const next = await pending;
      if (next.done) {
        pending = null;
        return undefined;
      }
      batch = next.value;
      i = 0;
      pending = batches.next();
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
async function verifyChains(s: Snapshot, breaks: Breaks, batchSize: number, chainRange: ChainRange) {
  const nextEvent = rowReader(s.cursor(eventsSql(chainRange), batchSize));
  const nextHead = rowReader(s.cursor(headsSql(chainRange), batchSize));
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
  // The chains are checked in ranges of chain ids, each on its own connection, and the log on another: on
  // PostgreSQL they all run at once in one snapshot (the ordered scan of the chains is the slow part); on PGlite,
  // in turn.
  const ranges = chainRanges(database.kind === 'pglite' ? 1 : (options.chainPasses ?? 2));
  return withSnapshots(database, ranges.length + 1, async (sessions) => {
    const s = sessions[0]!;
    const [log, ...passes] = await Promise.all([
      verifyLog(sessions[ranges.length]!, breaks, options, batchSize),
      ...ranges.map((chainRange, i) => verifyChains(sessions[i]!, breaks, batchSize, chainRange)),
    ]);
    const { leaves, checkpointsChecked } = log;
    const events = passes.reduce((n, p) => n + p.events, 0);
    const chains = passes.reduce((n, p) => n + p.chains, 0);
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
