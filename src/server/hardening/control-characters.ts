// Moved to src/server/shared/control-characters.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/control-characters.ts';
