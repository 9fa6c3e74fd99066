// Writes the JSON Schemas of the public inputs and outputs (CLI and API) into docs/schemas/, from the zod
// schemas the code validates with. `npm run docs:schemas`; a test fails when the committed files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaDocuments } from './schema-documents.ts';

const dir = fileURLToPath(new URL('../docs/schemas/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [name, content] of Object.entries(schemaDocuments())) {
  writeFileSync(`${dir}${name}`, content);
  console.log(`docs/schemas/${name}`);
}
