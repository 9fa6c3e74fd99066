import { EventEmitter } from 'node:events';

/**
 * What changed in a file, pushed to the open event streams of that file. Small on purpose: the client refetches
 * what it shows; the stream never carries a message body or a document (no health data on a long-lived pipe).
 */
export interface DossierChange {
  type:
    | 'status.changed'
    | 'message.created'
    | 'note.created'
    | 'document.added'
    | 'document.updated'
    | 'contact.logged'
    | 'facts.updated'
    | 'satisfaction.recorded'
    | 'dossier.erased'
    | (string & {});
  dossierId: string;
  /** 'staff': only the organisation's staff receive it (an internal note). */
  audience: 'all' | 'staff';
  id?: string;
  at: string;
}

/**
 * An in-process bus keyed by file id. Publish only AFTER the transaction committed: a subscriber that refetches
 * on the event must find the change. One process only: several server processes would need PostgreSQL
 * LISTEN/NOTIFY behind this same interface.
 */
class DossierBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open stream: many people may watch one file.
    this.emitter.setMaxListeners(0);
  }

  publish(change: DossierChange): void {
    this.emitter.emit(change.dossierId, change);
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
