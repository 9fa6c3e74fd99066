import { generateFiles } from '../src/bench/generate.ts';
import { openDatabase } from '../src/db/client.ts';

const database = await openDatabase({ url: process.env.DATABASE_URL! });
await database.migrate();
const n = Number(process.argv[2]);
const r = await generateFiles(database, {
  files: n,
  organisation: 'Mutuelle Charge',
  force: false,
  now: new Date(),
  threads: Number(process.argv[3] ?? 2),
  rebuildIndexes: process.argv[4] === 'rebuild',
  onProgress: (d, t) => {
    if (d % 100000 === 0) console.error(new Date().toISOString(), d, t);
  },
});
console.log(JSON.stringify(r));
await database.close();
