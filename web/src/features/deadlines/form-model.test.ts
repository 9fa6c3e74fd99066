import { describe, expect, it } from 'vitest';
import {
  buildInput,
  exampleValues,
  ids,
  initialValues,
  readableMessage,
  todayInParis,
} from './form-model.ts';

const NONE = new Set<string>();

describe('the deadlines form model', () => {
  it('asks for the organisation type before anything is computed', () => {
    const built = buildInput(initialValues(), NONE);
    expect(built.input).toBeNull();
    expect(built.errors[ids.organisationType]).toBe('Choisissez le type d’organisme en face de vous.');
  });

  it('builds the documented example into the engine’s input, from the open groups only', () => {
    const built = buildInput(exampleValues(), NONE);
    expect(built.errors).toEqual({});
    expect(built.input?.context.organisationType).toBe('mutuelle');
    expect(Object.keys(built.input?.facts ?? {}).length).toBeGreaterThan(0);
    // Every fact sent can be named back by the API to its control.
    for (const key of Object.keys(built.input?.facts ?? {})) {
      if (key !== 'interruptionLetters') expect(built.apiFields[`facts.${key}`]).toBeDefined();
    }
  });

  it('keeps the dates of a closed group out of the request', () => {
    const values = exampleValues();
    for (const id of Object.keys(values.groups)) values.groups[id as keyof typeof values.groups] = false;
    const built = buildInput(values, NONE);
    expect(built.input?.facts).toEqual({});
  });

  it.each([
    [
      'a date the browser could not read',
      (v: ReturnType<typeof exampleValues>) => v,
      new Set([ids.today]),
      /Date invalide/,
    ],
    [
      'a year out of range',
      (v: ReturnType<typeof exampleValues>) => ({ ...v, today: '01/01/0202' }),
      NONE,
      /hors de la plage possible/,
    ],
    [
      'no date of today',
      (v: ReturnType<typeof exampleValues>) => ({ ...v, today: ' ' }),
      NONE,
      /Indiquez la date du jour/,
    ],
  ] as const)('refuses %s on the field, in French', (_why, change, bad, message) => {
    const built = buildInput(change(exampleValues()), bad);
    expect(built.input).toBeNull();
    expect(built.errors[ids.today]).toMatch(message);
  });

  it('an answer date needs its outcome (it decides when the mediator may be seized)', () => {
    const values = exampleValues();
    values.groups.complaint = true;
    values.facts.answerReceivedOn = '2026-10-01';
    values.facts.answerOutcome = '';
    const built = buildInput(values, NONE);
    expect(built.errors[ids.fact('answerOutcome')]).toContain('sens de la réponse');
  });

  it('drops the API key from engine messages, keeping the date', () => {
    expect(readableMessage('la réception de la réclamation (complaintReceivedOn, 01/03/2026)')).toBe(
      'la réception de la réclamation (01/03/2026)',
    );
  });

  it('today is the Paris day', () => {
    expect(todayInParis(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
  });
});
