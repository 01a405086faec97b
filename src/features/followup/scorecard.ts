/**
 * Scorecard per addressee. The formula, shown on the page in the reader's language:
 *
 *   N           = public recommendations addressed to the addressee (after the filters)
 *   answered    = those with at least one published response from that addressee whose position
 *                 is not "no response yet"
 *   accepted    = those whose latest response from that addressee (by date, then recording order)
 *                 is "accepted" or "partially accepted"
 *   implemented = those whose current status (status.ts) is "implemented"
 *   share       = count / N, shown as a whole percentage rounded half up; 0 % when N = 0
 *
 * Partial acceptance counts as accepted, and partial implementation does not count as implemented:
 * the scorecard reports what was promised generously and what was done strictly.
 */
export interface ScorecardCounts {
  total: number;
  answered: number;
  accepted: number;
  implemented: number;
}

export interface ScorecardShares {
  answered: number;
  accepted: number;
  implemented: number;
}

/** A whole percentage, rounded half up (1/8 → 13 %); 0 when there is nothing to divide by. */
export function percent(count: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((count * 100) / total + 0.5);
}

export function scorecardShares(counts: ScorecardCounts): ScorecardShares {
  return {
    answered: percent(counts.answered, counts.total),
    accepted: percent(counts.accepted, counts.total),
    implemented: percent(counts.implemented, counts.total),
  };
}

export const ACCEPTING_POSITIONS = ['accepted', 'partially_accepted'] as const;
