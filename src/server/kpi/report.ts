// Moved to src/server/shared/kpi-report.ts (issue 13); kept for branches in flight.
export * from '../shared/kpi-report.ts';
