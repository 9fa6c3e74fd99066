// Moved to src/server/shared/dossier-access.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/dossier-access.ts';
