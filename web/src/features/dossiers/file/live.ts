import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { LiveEventType } from '../../../../../src/contracts/live-events.ts';
import { statusLabel } from '../../../shared/labels.ts';
import { type Dossier, dossierKeys } from '../api.ts';
import { ownMessageIds } from '../file-api.ts';

/** What each change of the stream makes stale (docs/dossiers.md, « Live status »). */
const ALL_PARTS = ['documents', 'checklist', 'contacts', 'messages', 'timeline', 'escalation', 'letters'];
const STALE_PARTS: Record<LiveEventType, readonly string[]> = {
  'message.created': ['messages', 'timeline'],
  'message.updated': ALL_PARTS,
  'note.created': ['messages', 'timeline'],
  'document.added': ['documents', 'checklist', 'timeline'],
  'document.updated': ['documents', 'checklist', 'timeline'],
  'contact.logged': ['contacts', 'timeline', 'escalation'],
  'contact.updated': ALL_PARTS,
  'contract.saved': ALL_PARTS,
  'facts.updated': ['timeline', 'escalation'],
  'status.changed': ['timeline', 'escalation'],
  'satisfaction.recorded': ['timeline'],
  'dossier.erased': ALL_PARTS,
  'medical_opinion.requested': ALL_PARTS,
  'medical_opinion.given': ALL_PARTS,
};
const TOUCHES_FILE = new Set<string>([
  'facts.updated',
  'status.changed',
  'satisfaction.recorded',
  'dossier.erased',
]);

const RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;

interface Change {
  type: string;
  id: string | null;
}

function parse(data: string): Change | null {
  try {
    const value = JSON.parse(data) as { type?: unknown; id?: unknown };
    return typeof value.type === 'string'
      ? { type: value.type, id: typeof value.id === 'string' ? value.id : null }
      : null;
  } catch {
    return null;
  }
}

export interface Announcement {
  text: string;
  /** Changes on every announcement, so that the same words are read again. */
  key: number;
}

/**
 * Follows GET /dossiers/:id/events: each change refreshes what it touched, and news from the other side is
 * announced (« Nouveau message de votre conseiller », « Statut mis à jour : … »). EventSource reconnects by
 * itself after a network cut; when the server refused the stream (closed), it is reopened with a growing delay.
 * After any reconnection everything is refreshed: changes may have been missed meanwhile.
 */
export function useLiveUpdates(
  dossierId: string,
  enabled: boolean,
  /** The words for a message from the other side. */
  messageNews = 'Nouveau message de votre conseiller',
): Announcement | null {
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const counter = useRef(0);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = RETRY_MS;
    let hadError = false;
    let stopped = false;

    const announce = (text: string) => {
      counter.current += 1;
      setAnnouncement({ text, key: counter.current });
    };
    const refresh = (parts: readonly string[]) =>
      Promise.all(
        parts.map((part) => queryClient.invalidateQueries({ queryKey: dossierKeys.part(dossierId, part) })),
      );

    const onChange = async (event: MessageEvent<string>) => {
      const change = parse(event.data);
      if (!change) return;
      await refresh(STALE_PARTS[change.type as LiveEventType] ?? ALL_PARTS);
      if (TOUCHES_FILE.has(change.type)) {
        const before = queryClient.getQueryData<Dossier>(dossierKeys.detail(dossierId))?.status;
        await queryClient.invalidateQueries({ queryKey: dossierKeys.detail(dossierId) });
        void queryClient.invalidateQueries({ queryKey: dossierKeys.list() });
        const after = queryClient.getQueryData<Dossier>(dossierKeys.detail(dossierId))?.status;
        if (change.type === 'status.changed' && after && after !== before) {
          announce(`Statut mis à jour\u00a0: ${statusLabel(after)}`);
        }
      }
      if (change.type === 'message.created' && !(change.id && ownMessageIds.has(change.id))) {
        announce(messageNews);
      }
    };

    const open = () => {
      if (stopped) return;
      source = new EventSource(`/api/v1/dossiers/${encodeURIComponent(dossierId)}/events`, {
        withCredentials: true,
      });
      source.onopen = () => {
        delay = RETRY_MS;
        if (hadError) void refresh(ALL_PARTS);
        hadError = false;
      };
      source.onerror = () => {
        hadError = true;
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          timer = setTimeout(open, delay);
          delay = Math.min(delay * 2, MAX_RETRY_MS);
        }
      };
      for (const type of [...Object.keys(STALE_PARTS), 'dossier.erased']) {
        source.addEventListener(type, (event) => void onChange(event as MessageEvent<string>));
      }
    };

    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [dossierId, enabled, messageNews, queryClient]);

  return announcement;
}
