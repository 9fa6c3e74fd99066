import { parentPort, workerData } from 'node:worker_threads';
import { LogRootsBuilder } from './merkle-roots.ts';

/**
 * The verification's worker thread: builds the log's Merkle tree from the chunks the main thread forwards (which
 * meanwhile checks the chains), acknowledging each chunk so the main thread never queues more than a few.
 * Protocol: workerData { sizes, maxProblems }; messages Uint8Array (a chunk), then null (the end) → { result }.
 */
const { sizes, maxProblems } = workerData as { sizes: number[]; maxProblems: number };
const builder = new LogRootsBuilder(sizes, maxProblems);
const port = parentPort!;
port.on('message', (chunk: Uint8Array | null) => {
  if (chunk === null) {
    port.postMessage({ result: builder.end() });
    port.close();
    return;
  }
  builder.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  port.postMessage({ ack: chunk.byteLength });
});
