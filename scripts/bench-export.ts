// `npm run bench:export` (issue 14): exports the register through the HTTP route of a server started in a process
// of its own as production starts it (bench/server-process.ts: compiled, `npm run start:server`'s node options;
// BENCH_SERVER=tsx, BENCH_SERVER_NODE_OPTIONS), and samples the server's resident memory from /proc meanwhile.
// Target: a million rows with the server under 300 MB resident. The organisation is the signed-in supervisor's
// (BENCH_EXPORT_EMAIL, default the generator's superviseur@charge.recours.fr, password of the demo accounts).
// Formats: BENCH_EXPORT_FORMATS (default "csv,xlsx"). The route writes one history event per export: run it on a
// database of your own. Prints figures; asserts nothing.
// DATABASE_URL=postgres://…/my_bench npm run build:server && npm run bench:export

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Unzip, UnzipInflate } from 'fflate';
import { startServerProcess } from '../bench/server-process.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const email = process.env.BENCH_EXPORT_EMAIL ?? 'superviseur@charge.recours.fr';
const formats = (process.env.BENCH_EXPORT_FORMATS ?? 'csv,xlsx').split(',').map((f) => f.trim());

/** Counts the data rows of a CSV as it streams: lines end with CRLF, and a quoted cell never holds one here. */
function csvCounter() {
  let lines = 0;
  return {
    push(chunk: Uint8Array) {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines += 1;
    },
    end() {},
    rows: () => lines - 1,
  };
}

/** Counts the `<row ` elements of the sheet as the XLSX streams, inflating it on the way (fflate). */
function xlsxCounter() {
  let rows = 0;
  let tail = '';
  const decoder = new TextDecoder();
  const unzip = new Unzip((file) => {
    if (!file.name.startsWith('xl/worksheets/')) return;
    file.ondata = (error, data) => {
      if (error) throw error;
      const text = tail + decoder.decode(data, { stream: true });
      rows += text.split('<row ').length - 1;
      tail = text.slice(-5);
      if (tail.includes('<row ')) tail = '';
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  return {
    push: (chunk: Uint8Array) => unzip.push(chunk),
    end: () => unzip.push(new Uint8Array(), true),
    rows: () => rows - 1,
  };
}

/** Processor time the server has used so far (user + system), in ms: a cost per row that load barely moves. */
function cpuMs(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const port = 20_000 + Math.floor(Math.random() * 20_000);
const server = await startServerProcess({ databaseUrl: url, port });
try {
  const login = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`connexion de ${email} : ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  console.log(`# Export du registre (npm run bench:export) — ${new Date().toISOString()}`);
  console.log(`serveur : ${server.command}`);
  for (const format of formats) {
    const rest = server.memory();
    let peak = rest.rssMiB;
    const sampler = setInterval(() => {
      peak = Math.max(peak, server.memory().rssMiB);
    }, 200);
    const load0 = loadavg()[0]!;
    const cpu0 = cpuMs(server.pid);
    const t0 = performance.now();
    const res = await fetch(`${server.base}/api/v1/exports/register?format=${format}`, {
      headers: { cookie },
    });
    if (!res.ok || !res.body) throw new Error(`export ${format} : ${res.status} ${await res.text()}`);
    const counter = format === 'xlsx' ? xlsxCounter() : csvCounter();
    let bytes = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      counter.push(value);
    }
    counter.end();
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    const after = server.memory();
    const cpu = cpuMs(server.pid) - cpu0;
    peak = Math.max(peak, after.rssMiB);
    console.log(
      JSON.stringify({
        format,
        rows: counter.rows(),
        megabytes: Math.round(bytes / 1e6),
        seconds: Number(seconds.toFixed(1)),
        rowsPerSecond: Math.round(counter.rows() / seconds),
        serverCpuMsPerRow: Number((cpu / counter.rows()).toFixed(3)),
        serverRssAtRestMiB: Math.round(rest.rssMiB),
        serverRssPeakDuringExportMiB: Math.round(peak),
        serverRssAfterMiB: Math.round(after.rssMiB),
        serverVmHwmSinceStartMiB: Math.round(after.peakMiB),
        loadAverage: `${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
      }),
    );
  }
} finally {
  await server.stop();
}
