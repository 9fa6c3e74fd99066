// Moved to src/server/shared/security-headers.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/security-headers.ts';
