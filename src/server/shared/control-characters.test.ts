import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { findControlCharacter } from './control-characters.ts';

describe('findControlCharacter', () => {
  it.each([
    [{ title: 'ok', body: 'a\u0000b' }, 'body'],
    [{ items: [{ text: 'x' }, { text: 'y\u0008' }] }, 'items[1].text'],
    [Object.assign(Object.create(null), { q: 'couronne\u0000' }), 'q'],
    [{ message: 'deux lignes\r\n\tet une tabulation' }, undefined],
  ])('%o → %s', (value, path) => {
    expect(findControlCharacter(value)).toBe(path);
  });

  it('does not walk a streamed body (an import file): its route reads it', () => {
    // A socket-backed stream is a deep graph of objects: walking it overflowed the stack (a 500 on import).
    const stream = Readable.from(['reference;receivedOn\n', 'H-1;2025-03-03\u0000\n']);
    expect(findControlCharacter(stream)).toBeUndefined();
  });
});
