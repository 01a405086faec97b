/** The workspace home's statement check: drafts still to finish. */
import { count, desc, eq } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import { type AttentionProvider, DETAILS_SHOWN } from '../../platform/feature.js';
import { canEditStatement } from '../../platform/policy.js';
import { resolveText } from '../../platform/text/localized-text.js';

export const statementAttention: AttentionProvider = (db, user, o) => {
  if (!canEditStatement(user)) return {};
  return {
    draftStatements: async () => {
      // A count and the newest few (index statements_status_updated_idx), not every draft.
      const draft = eq(t.statements.status, 'draft');
      const [total, newest] = await Promise.all([
        db.select({ n: count() }).from(t.statements).where(draft),
        db
          .select({ slug: t.statements.slug, title: t.statements.title })
          .from(t.statements)
          .where(draft)
          .orderBy(desc(t.statements.updatedAt), desc(t.statements.id))
          .limit(DETAILS_SHOWN),
      ]);
      return {
        count: total[0]?.n ?? 0,
        path: '/workspace/statements?state=draft',
        details: newest.map((s) => ({
          name: resolveText(s.title, o.locale)?.text || s.slug,
          path: `/workspace/statements/${s.slug}`,
        })),
      };
    },
  };
};
