// Moved to src/server/shared/refusal.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/refusal.ts';
