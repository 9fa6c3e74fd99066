import type { Dimensions } from './cells.ts';
import type { SpikeAlert } from './detect.ts';
import type { PlantedSpike } from './synthetic.ts';

/**
 * Scores the detector on a synthetic register: a planted spike is found exactly when an alert of its week names
 * the same combination, found when an alert of its week names the combination, a part of it or a combination
 * containing it; every other alert is a false alert.
 */

function contains(outer: Dimensions, inner: Dimensions): boolean {
  return Object.entries(outer).every(([k, v]) => inner[k as keyof Dimensions] === v);
}

function related(a: Dimensions, b: Dimensions): boolean {
  return contains(a, b) || contains(b, a);
}

function same(a: Dimensions, b: Dimensions): boolean {
  return contains(a, b) && contains(b, a);
}

export interface EvaluationScore {
  planted: number;
  found: number;
  foundExactly: number;
  falseAlerts: number;
  missed: PlantedSpike[];
  falses: SpikeAlert[];
}

export function scoreDetection(
  alerts: readonly SpikeAlert[],
  planted: readonly PlantedSpike[],
): EvaluationScore {
  let found = 0;
  let foundExactly = 0;
  const missed: PlantedSpike[] = [];
  for (const spike of planted) {
    const sameWeek = alerts.filter((a) => a.weekStart === spike.weekStart);
    if (sameWeek.some((a) => same(a.dimensions, spike.dimensions))) foundExactly++;
    if (sameWeek.some((a) => related(a.dimensions, spike.dimensions))) found++;
    else missed.push(spike);
  }
  const falses = alerts.filter(
    (a) => !planted.some((s) => s.weekStart === a.weekStart && related(a.dimensions, s.dimensions)),
  );
  return { planted: planted.length, found, foundExactly, falseAlerts: falses.length, missed, falses };
}
