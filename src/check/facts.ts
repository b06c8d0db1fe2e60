import type { EvidenceFact, ProjectZh } from '../schema/project';
import { isWithheld } from '../schema/withheld';

/** One structured fact a content file records, and where in the original it was read (null where a person wrote it by hand). */
export interface RecordedFact {
  fact: EvidenceFact;
  value: string;
  evidence: string | null;
}

/**
 * The structured facts of a project with their evidence, in reading order:
 * what npm run check -- --evidence and the import's review list print
 * ("source of funds 省级补助资金、县级配套资金 — line 27").
 */
export function listRecordedFacts(data: ProjectZh): RecordedFact[] {
  const facts: RecordedFact[] = [];
  const add = (fact: EvidenceFact, value: string | undefined) => {
    if (value !== undefined) facts.push({ fact, value, evidence: data.evidence?.[fact] ?? null });
  };
  if (!isWithheld(data.funding)) {
    add('amount', data.funding.published);
    add('source', data.funding.source);
    add(
      'breakdown',
      data.funding.breakdown?.map((part) => `${part.source} ${part.published}`).join('，'),
    );
  }
  add('procurement', data.procurementMethod);
  add('estimate', data.plan.estimate?.published);
  add('period', data.plan.period.published);
  if (!isWithheld(data.implementingUnit)) add('implementingUnit', data.implementingUnit.unit);
  return facts;
}

const LABELS: Record<EvidenceFact, string> = {
  amount: 'amount',
  source: 'source of funds',
  breakdown: 'of which',
  procurement: 'procurement method',
  estimate: 'estimate',
  period: 'period',
  implementingUnit: 'implementing unit',
};

/** `source of funds 省级补助资金 — line 27`; `(no evidence: written by hand)` where none is recorded. */
export function describeFact({ fact, value, evidence }: RecordedFact): string {
  return `${LABELS[fact]} ${value} — ${evidence ?? 'no evidence recorded (written by hand)'}`;
}
