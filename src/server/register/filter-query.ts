// Moved to src/server/shared/register-filters.ts (issue 13); kept for branches in flight.
export * from '../shared/register-filters.ts';
