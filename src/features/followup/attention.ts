/** The workspace home's follow-up checks: commitments past due, recommendations without news. */
import type { AttentionProvider } from '../../platform/feature.js';
import { canRecordFollowup } from '../../platform/policy.js';
import { countOverdueCommitments, countStaleRecommendations } from './reminders.js';

/** The home counts up to this many and then says "at least". */
const REMINDER_LIMIT = 200;

export const followupAttention: AttentionProvider = (db, user, o) => {
  if (!canRecordFollowup(user)) return {};
  return {
    overdueCommitments: async () => {
      const n = await countOverdueCommitments(db, o.now, REMINDER_LIMIT);
      return { count: n, atLeast: n === REMINDER_LIMIT, path: '/workspace/followup', details: [] };
    },
    staleRecommendations: async () => {
      const n = await countStaleRecommendations(db, o.now, o.followupStaleMonths, REMINDER_LIMIT);
      return { count: n, atLeast: n === REMINDER_LIMIT, path: '/workspace/followup', details: [] };
    },
  };
};
