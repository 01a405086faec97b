/** The workspace home's statement check: drafts still to finish. */
import { desc, eq } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import { type AttentionProvider, DETAILS_SHOWN } from '../../platform/feature.js';
import { canEditStatement } from '../../platform/policy.js';
import { resolveText } from '../../platform/text/localized-text.js';

export const statementAttention: AttentionProvider = (db, user, o) => {
  if (!canEditStatement(user)) return {};
  return {
    draftStatements: async () => {
      const drafts = await db
        .select({ slug: t.statements.slug, title: t.statements.title })
        .from(t.statements)
        .where(eq(t.statements.status, 'draft'))
        .orderBy(desc(t.statements.updatedAt));
      return {
        count: drafts.length,
        path: '/workspace/statements?state=draft',
        details: drafts.slice(0, DETAILS_SHOWN).map((s) => ({
          name: resolveText(s.title, o.locale)?.text || s.slug,
          path: `/workspace/statements/${s.slug}`,
        })),
      };
    },
  };
};
