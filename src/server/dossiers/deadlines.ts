// Moved to src/server/shared/deadline-projection.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/deadline-projection.ts';
