import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/** Names the log in every checkpoint, so that a signature cannot be replayed for another log (C2SP signed-note). */
export const LOG_ORIGIN = 'recours/audit-log/v1';

/**
 * A signed tree head: the size and root of the Merkle log at one instant, signed with Ed25519. `publicKey` is the
 * signer's key (SPKI DER, base64) so that the file checks itself offline; an auditor pins `keyId` (or the key).
 */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: string;
  issuedAt: string;
  keyId: string;
  publicKey: string;
  signature: string;
}

/** The exact text signed (one field a line, like the C2SP checkpoint format): nothing outside it is trusted. */
export function checkpointText(c: Pick<Checkpoint, 'origin' | 'treeSize' | 'rootHash' | 'issuedAt'>): string {
  return `${c.origin}\n${c.treeSize}\n${c.rootHash}\n${c.issuedAt}\n`;
}

/** First 32 hex digits (128 bits) of SHA-256 of the public key (SPKI DER): short enough to compare, long enough to pin. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

export function signCheckpoint(
  body: { treeSize: number; rootHash: string; issuedAt: string },
  privateKey: KeyObject,
): Checkpoint {
  const publicKey = createPublicKey(privateKey);
  const head = { origin: LOG_ORIGIN, ...body };
  return {
    ...head,
    keyId: keyIdOf(publicKey),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    signature: sign(null, Buffer.from(checkpointText(head)), privateKey).toString('base64'),
  };
}

export function publicKeyFromBase64(spki: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' });
}

/**
 * Why a checkpoint cannot be trusted, in French, or null if it can: the signature must match its text and the key
 * must be one the caller trusts (by key id), else anyone could sign a forged root with a key of his own.
 */
export function checkpointProblem(c: Checkpoint, trustedKeyIds: ReadonlySet<string>): string | null {
  if (c.origin !== LOG_ORIGIN) return 'le point de contrôle ne concerne pas ce journal';
  let key: KeyObject;
  try {
    key = publicKeyFromBase64(c.publicKey);
  } catch {
    return 'la clé publique du point de contrôle est illisible';
  }
  if (keyIdOf(key) !== c.keyId) return 'l’identifiant de clé ne correspond pas à la clé publique';
  if (!trustedKeyIds.has(c.keyId)) return `le point de contrôle est signé par une clé inconnue (${c.keyId})`;
  let valid = false;
  try {
    valid = verify(null, Buffer.from(checkpointText(c)), key, Buffer.from(c.signature, 'base64'));
  } catch {
    valid = false;
  }
  return valid ? null : 'la signature du point de contrôle est invalide';
}
