import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaDocuments } from './schema-documents.ts';

describe('docs/schemas', () => {
  it.each(Object.entries(schemaDocuments()))('%s is up to date (npm run docs:schemas)', (name, content) => {
    expect(readFileSync(new URL(`../docs/schemas/${name}`, import.meta.url), 'utf8')).toBe(content);
  });
});
