// Moved to src/server/shared/notify.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/notify.ts';
