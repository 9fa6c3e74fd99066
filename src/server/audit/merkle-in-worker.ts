import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LogRoots } from './merkle-roots.ts';

/** Bytes forwarded to the worker and not yet hashed, beyond which reading waits: memory stays flat. */
const IN_FLIGHT_BYTES = 8 * 2 ** 20;

/**
 * Starts `merkle-worker`: the compiled `.js` next to this file (dist/, what the CLI runs), or from the sources
 * (tsx, vitest) through tsx's CommonJS API: Node 20 neither loads a TypeScript entry in a worker nor applies
 * `--import tsx` there, and tsx's ESM API fails to load from a worker's evaluated code.
 */
function startWorker(workerData: unknown): Worker {
  if (import.meta.url.endsWith('.js')) {
    return new Worker(new URL('./merkle-worker.js', import.meta.url), { workerData });
  }
  const api = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./merkle-worker.ts', import.meta.url));
  const boot = `require(${JSON.stringify(api)}).require(${JSON.stringify(entry)}, ${JSON.stringify(entry)})`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * The log pass's tree built in a worker thread: this thread forwards the COPY chunks (a copy each, transferred) and
 * goes on reading the chains' rows meanwhile; it waits only when the worker is `IN_FLIGHT_BYTES` behind.
 */
export async function logRootsInWorker(
  chunks: AsyncIterable<Buffer>,
  sizes: readonly number[],
  maxProblems: number,
): Promise<LogRoots> {
  const worker = startWorker({ sizes: [...sizes], maxProblems });
  let inFlight = 0;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const done = new Promise<LogRoots>((resolve, reject) => {
    worker.on('message', (m: { ack?: number; result?: LogRoots }) => {
      if (m.result) resolve(m.result);
      else {
        inFlight -= m.ack ?? 0;
        wake?.();
      }
    });
    worker.on('error', (error) => {
      failure = error;
      reject(error);
      wake?.();
    });
    worker.on('exit', (code) => {
      failure ??= new Error(`Le calcul de l’arbre de Merkle s’est arrêté (code ${code}).`);
      reject(failure);
      wake?.();
    });
  });
  // Handled below; without this, a rejection while this thread is still reading would be reported as unhandled.
  done.catch(() => undefined);
  try {
    for await (const chunk of chunks) {
      if (failure) throw failure;
      const copy = new Uint8Array(chunk.length);
      copy.set(chunk);
      inFlight += copy.byteLength;
      worker.postMessage(copy, [copy.buffer]);
      while (inFlight > IN_FLIGHT_BYTES && !failure) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    }
    worker.postMessage(null);
    return await done;
  } finally {
    await worker.terminate();
  }
}
