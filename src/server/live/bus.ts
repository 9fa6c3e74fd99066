import { EventEmitter } from 'node:events';
import pg from 'pg';
import { type LiveEvent, liveEventSchema } from '../../contracts/live-events.ts';

/** What changed in a file (src/contracts/live-events.ts: one closed list of types, shared with the web). */
export type DossierChange = LiveEvent;

/** The PostgreSQL channel the processes of one deployment share (LISTEN/NOTIFY). */
export const LIVE_CHANNEL = 'recours_live';

/**
 * A bus keyed by file id. Publish only AFTER the transaction committed: a subscriber that refetches on the event
 * must find the change. In-process by default (PGlite, one process); with `connectPostgres` every process of the
 * deployment LISTENs on one channel and a change is published by NOTIFY, so that a client watching a file
 * through one process hears of a message posted through another (docs/deployment.md). The publishing process
 * hears its own notification too: one path for all.
 */
class DossierBus {
  private readonly emitter = new EventEmitter();
  private listener: pg.Client | undefined;

  constructor() {
    // One listener per open stream: many people may watch one file.
    this.emitter.setMaxListeners(0);
  }

  /** Listens on the shared channel through a connection of its own (a pooled one cannot LISTEN). */
  async connectPostgres(url: string, onError: (error: Error) => void): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', onError);
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      try {
        const change = liveEventSchema.parse(JSON.parse(message.payload));
        this.emitter.emit(change.dossierId, change);
      } catch (error) {
        onError(error as Error);
      }
    });
    await client.connect();
    await client.query(`listen ${LIVE_CHANNEL}`);
    this.listener = client;
  }

  async disconnect(): Promise<void> {
    const client = this.listener;
    this.listener = undefined;
    await client?.end();
  }

  publish(change: DossierChange): void {
    if (!this.listener) {
      this.emitter.emit(change.dossierId, change);
      return;
    }
    // A few hundred bytes, far under NOTIFY's 8 000: ids and a type, never content.
    this.listener.query('select pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify(change)]).catch(() => {
      // The server is unreachable: deliver here at least, as with one process.
      this.emitter.emit(change.dossierId, change);
    });
  }

  /** Returns the unsubscribe function; call it when the stream closes. */
  subscribe(dossierId: string, listener: (change: DossierChange) => void): () => void {
    this.emitter.on(dossierId, listener);
    return () => this.emitter.off(dossierId, listener);
  }

  listenerCount(dossierId: string): number {
    return this.emitter.listenerCount(dossierId);
  }
}

export const dossierBus = new DossierBus();

/** For use cases: publish after commit, with the time of the change. */
export function publishChange(change: Omit<DossierChange, 'at'> & { at?: Date }): void {
  dossierBus.publish({ ...change, at: (change.at ?? new Date()).toISOString() });
}
