// Moved to src/server/shared/job-queue.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/job-queue.ts';
