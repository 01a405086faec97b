/** The workspace home's registry checks: translations to do, organizations' gaps, a member's own profile. */
import { and, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import {
  type AttentionCheck,
  type AttentionDetail,
  type AttentionItem,
  type AttentionKey,
  type AttentionProvider,
  DETAILS_SHOWN,
  type ProfileGap,
} from '../../platform/feature.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { canEditRegistry, canViewRegistry } from '../../platform/policy.js';
import { resolveName, translationState } from '../../platform/text/localized-text.js';
import { hasAnyTextSql } from '../../platform/text/localized-text-sql.js';
import { logosFor } from '../files/index.js';
import { translationCounts } from './translations-service.js';

export const registryAttention: AttentionProvider = (db, user, o) => {
  const checks: Partial<Record<AttentionKey, AttentionCheck>> = {};

  if (canViewRegistry(user)) {
    // One grouped count over every source, in SQL; the two checks share it.
    const counts = translationCounts(db, user, o.t, '', o.translationSources);
    for (const state of ['missing', 'stale'] as const) {
      checks[state === 'missing' ? 'missingTranslations' : 'staleTranslations'] = async () => ({
        count: (await counts).filter((c) => c.state === state).reduce((sum, c) => sum + c.count, 0),
        path: `/workspace/translations?state=${state}`,
        details: [],
      });
    }
  }

  if (canEditRegistry(user)) {
    const o8n = t.organizations;
    // A count and the first few by name, each one indexed query (no organization list in memory).
    const lacking = (condition: SQL) => async () => {
      const where = and(isNull(o8n.archivedAt), condition);
      const [total, first] = await Promise.all([
        db.select({ n: count() }).from(o8n).where(where),
        db
          .select({ slug: o8n.slug, name: o8n.name, localizedName: o8n.localizedName })
          .from(o8n)
          .where(where)
          .orderBy(o8n.name, o8n.id)
          .limit(DETAILS_SHOWN),
      ]);
      return {
        count: total[0]?.n ?? 0,
        path: '/workspace/organizations',
        details: first.map((r) => ({
          name: resolveName(r.localizedName, o.locale, r.name)?.text ?? '',
          path: `/workspace/organizations/${r.slug}/edit`,
        })),
      };
    };
    // No "About" in any language: the translations view lists one language missing, not this.
    checks.organizationsWithoutAbout = lacking(sql`not ${hasAnyTextSql(o8n.boilerplate)}`);
    checks.organizationsWithoutWebsite = lacking(sql`coalesce(btrim(${o8n.website}), '') = ''`);
  }

  if (user.role === 'member' && user.organizationId !== null) {
    checks.profileGaps = () => profileGaps(db, user.organizationId!);
  }
  return checks;
};

/** A member's own organization: what the public directory and every release would miss. */
async function profileGaps(db: Db, organizationId: number): Promise<Omit<AttentionItem, 'key'>> {
  const [org] = await db.select().from(t.organizations).where(eq(t.organizations.id, organizationId));
  if (!org) return { count: 0, path: '/workspace/my-organization', details: [] };
  const edit = `/workspace/organizations/${org.slug}/edit`;
  const gaps: AttentionDetail[] = [];
  for (const locale of LOCALES) {
    if (translationState(org.boilerplate, locale) === 'missing')
      gaps.push({ name: org.name, path: edit, gap: `about-${locale}` as ProfileGap });
  }
  if (!org.website?.trim()) gaps.push({ name: org.name, path: edit, gap: 'website' });
  if (!(await logosFor(db, [org.id])).has(org.id))
    gaps.push({ name: org.name, path: `/workspace/organizations/${org.slug}/logo`, gap: 'logo' });
  return { count: gaps.length, path: '/workspace/my-organization', details: gaps };
}
