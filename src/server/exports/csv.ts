// Moved to src/server/shared/csv.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/csv.ts';
