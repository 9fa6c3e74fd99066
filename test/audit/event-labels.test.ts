import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_EVENT_LABELS,
  auditEventLabel,
  auditEventTypeOptions,
  UNKNOWN_EVENT_LABEL,
} from '../../src/domain/audit/event-labels.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every event type the server writes, as spelt in its code: `type: 'x.y'` and the ethics steps. */
function writtenTypes(): Set<string> {
  const found = new Set<string>();
  for (const file of [...sources('src/server'), ...sources('src/db')]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\btype: '([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/'(ethics\.[a-z_]+)'/g)) found.add(m[1]!);
  }
  return found;
}

describe('French labels of history events (the auditor never reads a type code)', () => {
  it('names every event type the server writes', () => {
    const types = writtenTypes();
    expect(types.size).toBeGreaterThan(40);
    const missing = [...types].filter((t) => !Object.hasOwn(AUDIT_EVENT_LABELS, t));
    expect(missing).toEqual([]);
  });

  it.each([
    ['dossier.viewed', 'Consultation du dossier'],
    ['dossier.created', 'Dossier ouvert'],
    ['ethics.vote_recorded', 'Vote au comité d’éthique'],
    ['something.new', UNKNOWN_EVENT_LABEL],
    ['constructor', UNKNOWN_EVENT_LABEL],
  ])('%s reads « %s »', (type, label) => {
    expect(auditEventLabel(type)).toBe(label);
  });

  it('offers one filter choice per label, with every code that reads so', () => {
    const options = auditEventTypeOptions();
    const steps = options.find((o) => o.label === 'Changement d’étape');
    expect(steps?.types.sort()).toEqual(['dossier.status_changed', 'status.changed']);
    expect(new Set(options.map((o) => o.label)).size).toBe(options.length);
    expect(options.every((o) => !/[a-z]+\.[a-z_]+/.test(o.label))).toBe(true);
  });
});
