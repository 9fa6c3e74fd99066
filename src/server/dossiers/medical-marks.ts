// Moved to src/server/shared/medical-marks.ts (a layer below the features, issue 13); kept for branches in flight.
export * from '../shared/medical-marks.ts';
