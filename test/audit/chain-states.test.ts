import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../src/domain/audit/event-hash.ts';
import { nodeHash } from '../../src/domain/audit/merkle.ts';
import { ChainStates } from '../../src/server/audit/chain-states.ts';

const hex = (i: number) => i.toString(16).padStart(64, '0');

describe('each chain’s last number and hash, kept while events come in event order', () => {
  it('starts every chain at n° 0 with the genesis hash and keeps them apart past its first growth', () => {
    const states = new ChainStates();
    for (let i = 0; i < 3000; i += 1) states.advance(states.slot(`chain-${i}`), i + 1, hex(i));
    expect(states.size).toBe(3000);
    for (const i of [0, 1023, 1024, 2999]) {
      const slot = states.find(`chain-${i}`)!;
      expect(states.lastSeq(slot)).toBe(i + 1);
      expect(states.isLastHash(slot, hex(i))).toBe(true);
      expect(states.isLastHash(slot, hex(i + 1))).toBe(false);
    }
    const fresh = states.slot('new');
    expect([states.lastSeq(fresh), states.isLastHash(fresh, GENESIS_HASH)]).toEqual([0, true]);
  });

  it('never takes a malformed hash for the last one', () => {
    const states = new ChainStates();
    const slot = states.slot('a');
    states.advance(slot, 1, 'zz'.repeat(32));
    expect(states.isLastHash(slot, 'zz'.repeat(32))).toBe(false);
    expect(states.isLastHash(slot, '00'.repeat(31))).toBe(false);
  });

  it('lists the chains whose head was not seen', () => {
    const states = new ChainStates();
    states.markHeadSeen(states.slot('a'));
    states.slot('b');
    expect([...states.withoutHead()]).toEqual(['b']);
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
