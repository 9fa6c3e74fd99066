import { describe, expect, it } from 'vitest';
import {
  contactForReader,
  documentForReader,
  medicalPiecesRead,
  messageForReader,
  WITHHELD_TEXT,
} from './medical-pieces.ts';

const doc = { id: 'd1', medical: true, title: 'Compte rendu IRM genou', fileName: 'irm.pdf', sha256: 'abc' };
const message = { id: 'm1', medical: true, body: 'Ménisque fissuré' };
const contact = {
  id: 'c1',
  medical: true,
  summary: 'Le Dr Durand confirme la rééducation',
  promises: 'Rapport sous 8 jours',
  agentName: 'Dr Durand',
  reference: 'EXP-12',
};

// C. santé publ. L1110-4: who may not read keeps the existence, the date and the holder, never the content.
describe('medical pieces seen by each reader', () => {
  it('leaves the content to those who may read it', () => {
    expect(documentForReader('content', doc)).toEqual({ ...doc, withheld: false });
    expect(messageForReader('content', message).body).toBe('Ménisque fissuré');
    expect(contactForReader('content', contact).agentName).toBe('Dr Durand');
  });

  it('replaces every word of a medical piece for the other staff', () => {
    const d = documentForReader('existence', doc);
    expect(d).toMatchObject({ id: 'd1', title: WITHHELD_TEXT.documentTitle, sha256: '', withheld: true });
    expect(JSON.stringify(d)).not.toMatch(/IRM|irm\.pdf|abc/);
    const m = messageForReader('existence', message);
    expect(m.body).toBe(WITHHELD_TEXT.messageBody);
    const c = contactForReader('existence', contact);
    expect(JSON.stringify(c)).not.toMatch(/Durand|rééducation|EXP-12|8 jours/);
  });

  it('never hides a piece that is not medical', () => {
    expect(documentForReader('existence', { ...doc, medical: false }).title).toBe(doc.title);
    expect(messageForReader('existence', { ...message, medical: false }).withheld).toBe(false);
  });

  it.each([
    ['content', ['d1']],
    ['existence', []],
  ] as const)('with access %s the readings to log are %j', (access, ids) => {
    expect(medicalPiecesRead(access, [doc, { ...doc, id: 'd2', medical: false }])).toEqual(ids);
  });
});
