import { parentPort } from 'node:worker_threads';
import { type ChunkInput, generateChunk } from './file-rows.ts';

/** A thread of the load generator: hashing and projecting a million files is CPU work, the COPY is not. */
parentPort?.on('message', (input: ChunkInput & { id: number }) => {
  parentPort?.postMessage({ id: input.id, ...generateChunk(input) });
});
