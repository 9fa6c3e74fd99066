import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../src/domain/audit/event-hash.ts';
import { nodeHash } from '../../src/domain/audit/merkle.ts';
import { ChainStates, decodeHash } from '../../src/server/audit/chain-states.ts';

const hex = (i: number) => i.toString(16).padStart(64, '0');
const bytes = (text: string) => Buffer.from(text, 'latin1');
/** A uuid's 16 bytes; `i` in its first bytes only, so the table's hash (which mixes the last ones) is tested too. */
const key = (i: number) => {
  const k = Buffer.alloc(16, 0xab);
  k.writeUInt32BE(i, 0);
  return k;
};

describe('each chain’s last number and hash, kept while events come in event order', () => {
  it('starts every chain at n° 0 with the genesis hash and keeps them apart past its growths', () => {
    const states = new ChainStates();
    for (let i = 0; i < 3000; i += 1) {
      const h = bytes(hex(i));
      states.advance(states.slot(key(i), 0), i + 1, h, 0, h.length);
    }
    expect(states.size).toBe(3000);
    for (const i of [0, 1023, 1024, 2999]) {
      const slot = states.find(key(i), 0)!;
      expect(states.slot(key(i), 0)).toBe(slot);
      expect(states.lastSeq(slot)).toBe(i + 1);
      expect(states.isLastHash(slot, bytes(hex(i)), 0, 64)).toBe(true);
      expect(states.isLastHash(slot, bytes(hex(i + 1)), 0, 64)).toBe(false);
    }
    expect(states.find(key(3000), 0)).toBeUndefined();
    const fresh = states.slot(key(5000), 0);
    expect([states.lastSeq(fresh), states.isLastHash(fresh, bytes(GENESIS_HASH), 0, 64)]).toEqual([0, true]);
  });

  it('reads the key where it lies in a larger buffer and names the chain by its uuid', () => {
    const states = new ChainStates();
    const row = Buffer.concat([Buffer.from('xyz'), Buffer.from('a0eebc999c0b4ef8bb6d6bb9bd380a11', 'hex')]);
    const slot = states.slot(row, 3);
    expect(states.find(Buffer.from('a0eebc999c0b4ef8bb6d6bb9bd380a11', 'hex'), 0)).toBe(slot);
    expect(states.chainId(slot)).toBe('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
  });

  it('never takes a malformed hash for the last one (upper case, wrong length, not hex)', () => {
    const states = new ChainStates();
    const slot = states.slot(key(1), 0);
    const upper = bytes(hex(255).toUpperCase());
    expect(decodeHash(upper, 0, 64, Buffer.alloc(32), 0)).toBe(false);
    states.advance(slot, 1, bytes('zz'.repeat(32)), 0, 64);
    expect(states.isLastHash(slot, bytes('zz'.repeat(32)), 0, 64)).toBe(false);
    expect(states.isLastHash(slot, bytes('00'.repeat(31)), 0, 62)).toBe(false);
  });

  it('lists the chains whose head was not seen', () => {
    const states = new ChainStates();
    states.markHeadSeen(states.slot(key(1), 0));
    states.slot(key(2), 0);
    expect([...states.withoutHead()]).toEqual(['00000002-abab-abab-abab-abababababab']);
  });
});

describe('Merkle interior node (RFC 9162 §2.1.1)', () => {
  it('is SHA-256(0x01 ‖ left ‖ right)', () => {
    const [left, right] = [hex(1), hex(2)];
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.from([1]), Buffer.from(left, 'hex'), Buffer.from(right, 'hex')]))
      .digest('hex');
    expect(nodeHash(left, right)).toBe(expected);
  });
});
