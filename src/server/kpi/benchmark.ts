import type { Db } from '../../db/client.ts';
import { mediationFigures } from '../../db/repositories/kpi.ts';
import { COMPARABILITY_NOTES, MEDIATOR_FIGURES, MEDIATOR_NAMES } from '../../domain/kpi/benchmarks.ts';
import type { KpiPeriod } from '../../domain/kpi/period.ts';
import { rate } from '../../domain/kpi/rules.ts';
import { kpiReport } from '../shared/kpi-report.ts';

/** The organisation's figures beside the mediators' published ones (issue 14, benchmark page). */
export async function benchmark(db: Db, organisationId: string, period: KpiPeriod) {
  const scope = { organisationId, ...period };
  const [kpi, mediation] = await Promise.all([
    kpiReport(db, organisationId, period),
    mediationFigures(db, scope),
  ]);
  return {
    organisation: {
      from: period.from,
      to: period.to,
      asOf: period.asOf,
      complaints: kpi.count,
      referrals: mediation.referrals,
      referralRate: kpi.mediationRate,
      prematureShare: rate(mediation.premature, mediation.referrals),
      answersForMemberShare: rate(mediation.forMember, mediation.answered),
      medianDaysToAnswer: kpi.medianDaysToAnswer,
    },
    mediators: MEDIATOR_FIGURES.map((f) => ({ ...f, name: MEDIATOR_NAMES[f.mediator] })),
    notes: [...COMPARABILITY_NOTES],
  };
}
