/** The workspace home's sign-on checks: requests to decide (editors), calls to answer (members). */
import {
  type AttentionCheck,
  type AttentionKey,
  type AttentionProvider,
  DETAILS_SHOWN,
} from '../../platform/feature.js';
import { canManageSignOn } from '../../platform/policy.js';
import { resolveText } from '../../platform/text/localized-text.js';
import { pendingSignOnSummary, type SignOnSummary, unansweredCallsSummary } from './list-service.js';

export const signOnAttention: AttentionProvider = (db, user, o) => {
  const checks: Partial<Record<AttentionKey, AttentionCheck>> = {};
  const name = (value: Parameters<typeof resolveText>[0], fallback: string) =>
    resolveText(value, o.locale)?.text || fallback;
  const check = (summary: SignOnSummary) => ({
    count: summary.count,
    path: '/sign-on',
    details: summary.statements.map((s) => ({ name: name(s.title, s.slug), path: `/sign-on/${s.slug}` })),
  });
  if (canManageSignOn(user)) {
    checks.pendingSignOn = async () => check(await pendingSignOnSummary(db, DETAILS_SHOWN));
  }
  const organizationId = user.organizationId;
  if (user.role === 'member' && organizationId !== null) {
    checks.openSignOnCalls = async () => check(await unansweredCallsSummary(db, organizationId, o.now, DETAILS_SHOWN));
  }
  return checks;
};
