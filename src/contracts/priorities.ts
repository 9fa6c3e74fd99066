/** How soon a file is handled (set by triage, changed by staff). */
export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS = {
  normal: 'Normale',
  high: 'Haute',
  urgent: 'Urgente',
} as const satisfies Record<Priority, string>;
