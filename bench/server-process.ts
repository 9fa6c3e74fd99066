// The server in a process of its own for the benches, started as production starts it (`npm run start:server`:
// the compiled dist/server/main.js under `node --max-old-space-size=2000`), so that resident memory and processor
// time are the deployed server's, not tsx's (its TypeScript loader alone holds tens of megabytes).
// BENCH_SERVER=tsx runs src/server/main.ts through tsx instead; BENCH_SERVER_NODE_OPTIONS adds node options
// (e.g. "--max-old-space-size=4000" or "--max-semi-space-size=8"), after the default ones so that they win.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The options of `npm run start:server` (package.json): keep them the same. */
export const SERVER_NODE_OPTIONS = ['--max-old-space-size=2000'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(child));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json'))
      newest = Math.max(newest, statSync(child).mtimeMs);
  }
  return newest;
}

/** Refuses a dist/ older than a source file: a bench of stale code would measure what is no longer there. */
function assertCompiledIsCurrent() {
  let built: number;
  try {
    statSync(path.join(ROOT, 'dist/server/main.js'));
    // Written by every build (tsc --incremental), whichever files it re-emitted (as bin/recours.js checks).
    built = statSync(path.join(ROOT, 'dist/.tsbuildinfo')).mtimeMs;
  } catch {
    throw new Error('dist/ absent : lancez « npm run build:server » (ou BENCH_SERVER=tsx)');
  }
  if (built < newestSource(path.join(ROOT, 'src'))) {
    throw new Error('dist/ est plus ancien que src/ : lancez « npm run build:server » (ou BENCH_SERVER=tsx)');
  }
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  base: string;
  /** How it was started, for the bench's report. */
  command: string;
  /** Resident memory now and its peak since start (VmRSS, VmHWM of /proc), in MiB. */
  memory(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  /** Node options before the entry point (e.g. --cpu-prof). */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /**
   * Another checkout to run the server from (bench:create-ab): its sources through tsx, as it may not be built.
   * Default: this checkout, compiled (or through tsx with BENCH_SERVER=tsx).
   */
  checkout?: string;
}

export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  const tsx = options.checkout !== undefined || process.env.BENCH_SERVER === 'tsx';
  if (!tsx) assertCompiledIsCurrent();
  const extra = (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
  const args = [
    ...SERVER_NODE_OPTIONS,
    ...extra,
    ...(options.nodeArgs ?? []),
    ...(tsx ? ['--import', 'tsx', 'src/server/main.ts'] : ['dist/server/main.js']),
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.checkout ?? ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      LOGIN_MAX_PER_MINUTE: '100000',
      LOGIN_MAX_PER_IP_PER_MINUTE: '100000',
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', process.env.BENCH_SERVER_LOG ? 'inherit' : 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: ServerProcess = {
    child,
    pid: child.pid!,
    base,
    command: `node ${args.join(' ')}`,
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) throw new Error(`le serveur s’est arrêté (code ${child.exitCode})`);
    try {
      const res = await fetch(`${base}/api/auth/me`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error('le serveur n’a pas démarré');
}
