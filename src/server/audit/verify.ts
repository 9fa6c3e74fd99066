import type { Database } from '../../db/client.ts';
import { type Snapshot, withSnapshots } from '../../db/snapshot.ts';
import { type Checkpoint, checkpointProblem, LOG_ORIGIN } from '../../domain/audit/checkpoint.ts';
import { SYSTEM_CHAIN_ID } from '../../domain/audit/event-hash.ts';
import { Breaks, range } from './breaks.ts';
import { logRootsInWorker } from './merkle-in-worker.ts';
import { LEAVES_SQL, LogRootsBuilder } from './merkle-roots.ts';
import { verifyChains } from './verify-chains.ts';

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
  now?: () => number;
  /**
   * Builds the log's Merkle tree in a worker thread while this one checks the chains (default on PostgreSQL; on
   * PGlite the database itself runs in this thread, so the passes run in turn anyway). Same result either way.
   */
  merkleInWorker?: boolean;
}

const CHECKPOINTS_SQL = `select id::text, tree_size::text, root_hash,
  to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), key_id, public_key, signature
  from audit_checkpoints c order by c.tree_size, c.id`;

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
async function verifyLog(s: Snapshot, options: VerifyOptions, inWorker: boolean) {
  // Its own list, appended after the chains' breaks: the report is the same whichever pass ends first.
  const breaks = new Breaks(options.maxBreaks ?? Number.POSITIVE_INFINITY);
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
  const sizes = toCheck.map((c) => c.checkpoint.treeSize);
  const maxProblems = options.maxBreaks ?? Number.POSITIVE_INFINITY;
  const chunks = s.copy(LEAVES_SQL);
  const log = inWorker
    ? await logRootsInWorker(chunks, sizes, maxProblems)
    : await logRootsHere(chunks, sizes, maxProblems);
  for (const p of log.problems) {
    breaks.add(
      p.kind === 'gap'
        ? {
            kind: 'deleted',
            chainId: null,
            reason: `des feuilles du journal (${range(p.from, p.to)}) ont été supprimées`,
          }
        : {
            kind: 'deleted',
            chainId: null,
            eventId: p.eventSeq,
            reason: `l’événement n° ${p.eventSeq}, scellé dans le journal (feuille ${p.leaf}), a été supprimé`,
          },
    );
  }
  breaks.addUnlisted(log.problemCount - log.problems.length);
  const roots = new Map(log.roots);
  for (const c of toCheck) {
    const root = roots.get(c.checkpoint.treeSize);
    if (root === undefined) {
      breaks.add({
        kind: 'deleted',
        chainId: null,
        checkpointId: c.id,
        reason: `le point de contrôle ${c.label} scellait ${c.checkpoint.treeSize} événements, le journal n’en compte plus que ${log.leaves} : des événements scellés ont été supprimés`,
      });
    } else if (root !== c.checkpoint.rootHash) {
      breaks.add({
        kind: 'checkpoint',
        chainId: null,
        checkpointId: c.id,
        reason: `l’historique ne correspond plus au point de contrôle ${c.label} (${c.checkpoint.treeSize} événements scellés) : un événement scellé a été modifié, supprimé, remplacé ou déplacé`,
      });
    }
  }
  return { leaves: log.leaves, checkpointsChecked: toCheck.length, breaks };
}

async function logRootsHere(chunks: AsyncIterable<Buffer>, sizes: number[], maxProblems: number) {
  const builder = new LogRootsBuilder(sizes, maxProblems);
  for await (const chunk of chunks) builder.push(chunk);
  return builder.end();
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
  // The chains and the log are checked at once, each on its own connection, in one snapshot on PostgreSQL; on
  // PGlite, in turn.
  return withSnapshots(database, 2, async (sessions) => {
    const s = sessions[0]!;
    const [chainPass, log] = await Promise.all([
      verifyChains(s, breaks),
      verifyLog(sessions[1]!, options, options.merkleInWorker ?? database.kind === 'postgresql'),
    ]);
    for (const b of log.breaks.list) breaks.add(b);
    breaks.addUnlisted(log.breaks.count - log.breaks.list.length);
    const { leaves, checkpointsChecked } = log;
    const { events, chains } = chainPass;
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
