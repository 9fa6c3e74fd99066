// Moved to src/server/shared/handled-dossier-view.ts (issue 13); kept for branches in flight.
export * from '../shared/handled-dossier-view.ts';
