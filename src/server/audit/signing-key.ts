import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keyIdOf } from '../../domain/audit/checkpoint.ts';

export interface AuditKeys {
  privateKey: KeyObject;
  keyId: string;
  /** The current key and the former ones still trusted (rotation: docs/decisions/0004-audit-history.md). */
  trustedKeyIds: ReadonlySet<string>;
}

export interface AuditKeyConfig {
  /** AUDIT_SIGNING_KEY: an Ed25519 private key, PEM (PKCS#8) or base64 of its DER. */
  signingKey: string | undefined;
  /** AUDIT_TRUSTED_KEY_IDS: ids of former keys whose checkpoints remain valid. */
  trustedKeyIds: readonly string[];
  dataDir: string;
}

export const KEY_FILE_NAME = 'audit-signing-key.pem';

function parseKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error('AUDIT_SIGNING_KEY doit être une clé privée Ed25519 (PKCS#8, PEM ou base64).');
  }
  return key;
}

/**
 * The key that signs checkpoints: from the environment, else the file in the data folder, created on first use
 * (readable by its owner only). Several servers must share one key: set AUDIT_SIGNING_KEY for them.
 */
export function loadAuditKeys(config: AuditKeyConfig): AuditKeys {
  let privateKey: KeyObject;
  if (config.signingKey) {
    privateKey = parseKey(config.signingKey);
  } else {
    const file = path.join(config.dataDir, KEY_FILE_NAME);
    try {
      privateKey = parseKey(readFileSync(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(config.dataDir, { recursive: true });
      const pem = generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      try {
        // 'wx': a second process starting at the same instant keeps the first one's key.
        writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
      } catch (writeError) {
        if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
      }
      privateKey = parseKey(readFileSync(file, 'utf8'));
    }
  }
  const keyId = keyIdOf(createPublicKey(privateKey));
  return { privateKey, keyId, trustedKeyIds: new Set([keyId, ...config.trustedKeyIds]) };
}

const keysOfContext = new WeakMap<object, AuditKeys>();

/** The keys of a running app, loaded once (the key file is created on the first call if needed). */
export function auditKeysOf(ctx: { config: { dataDir: string; audit: Omit<AuditKeyConfig, 'dataDir'> } }) {
  let keys = keysOfContext.get(ctx);
  if (!keys) {
    keys = loadAuditKeys({ ...ctx.config.audit, dataDir: ctx.config.dataDir });
    keysOfContext.set(ctx, keys);
  }
  return keys;
}
