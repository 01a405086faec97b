/** The workspace home's sign-on checks: requests to decide (editors), calls to answer (members). */
import {
  type AttentionCheck,
  type AttentionKey,
  type AttentionProvider,
  DETAILS_SHOWN,
} from '../../platform/feature.js';
import { canManageSignOn } from '../../platform/policy.js';
import { resolveText } from '../../platform/text/localized-text.js';
import { listSignOn } from './service.js';

export const signOnAttention: AttentionProvider = (db, user, o) => {
  const checks: Partial<Record<AttentionKey, AttentionCheck>> = {};
  const name = (value: Parameters<typeof resolveText>[0], fallback: string) =>
    resolveText(value, o.locale)?.text || fallback;
  if (canManageSignOn(user)) {
    checks.pendingSignOn = async () => {
      const waiting = (await listSignOn(db, user, o.now)).filter((s) => s.pending > 0);
      return {
        count: waiting.reduce((sum, s) => sum + s.pending, 0),
        path: '/sign-on',
        details: waiting.slice(0, DETAILS_SHOWN).map((s) => ({
          name: name(s.statement.title, s.statement.slug),
          path: `/sign-on/${s.statement.slug}`,
        })),
      };
    };
  }
  if (user.role === 'member' && user.organizationId !== null) {
    checks.openSignOnCalls = async () => {
      const open = (await listSignOn(db, user, o.now)).filter((s) => s.open && s.ownStatus === null);
      return {
        count: open.length,
        path: '/sign-on',
        details: open.slice(0, DETAILS_SHOWN).map((s) => ({
          name: name(s.statement.title, s.statement.slug),
          path: `/sign-on/${s.statement.slug}`,
        })),
      };
    };
  }
  return checks;
};
