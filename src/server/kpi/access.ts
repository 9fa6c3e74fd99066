// Moved to src/server/shared/steering-access.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/steering-access.ts';
