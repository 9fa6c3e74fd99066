// Moved to src/server/shared/triage-suggestion.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/triage-suggestion.ts';
