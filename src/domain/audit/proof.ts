import { type Checkpoint, checkpointProblem } from './checkpoint.ts';
import { type EventColumns, eventHash } from './event-hash.ts';
import { verifyInclusion } from './merkle.ts';

export interface ProofInput {
  eventId: number;
  event: EventColumns;
  leafIndex: number;
  path: string[];
  checkpoint: Checkpoint;
}

/**
 * Checks an inclusion proof with nothing but the file (no database): the event's hash recomputed from its columns,
 * its path up to the checkpoint's root (RFC 9162 §2.1.3.2), the checkpoint's Ed25519 signature by a trusted key.
 * Returns the French reasons it fails, or an empty list.
 */
export function proofProblems(proof: ProofInput, trustedKeyIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const signature = checkpointProblem(proof.checkpoint, trustedKeyIds);
  if (signature) problems.push(signature);
  const leaf = eventHash(proof.event);
  if (
    !verifyInclusion(proof.leafIndex, proof.checkpoint.treeSize, leaf, proof.path, proof.checkpoint.rootHash)
  ) {
    problems.push(
      'le chemin de preuve ne mène pas à la racine du point de contrôle : l’événement ou la preuve a été modifié',
    );
  }
  return problems;
}
