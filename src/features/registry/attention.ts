/** The workspace home's registry checks: translations to do, organizations' gaps, a member's own profile. */
import { eq, isNull } from 'drizzle-orm';
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
import { logosFor } from '../files/index.js';
import { translationTodos } from './translations-service.js';

export const registryAttention: AttentionProvider = (db, user, o) => {
  const checks: Partial<Record<AttentionKey, AttentionCheck>> = {};

  if (canViewRegistry(user)) {
    const todos = translationTodos(db, user, o.t, o.locale, { lang: '', state: '' }, o.translationSources);
    for (const state of ['missing', 'stale'] as const) {
      checks[state === 'missing' ? 'missingTranslations' : 'staleTranslations'] = async () => ({
        count: (await todos).filter((todo) => todo.state === state).length,
        path: `/workspace/translations?state=${state}`,
        details: [],
      });
    }
  }

  if (canEditRegistry(user)) {
    const organizations = db
      .select({
        slug: t.organizations.slug,
        name: t.organizations.name,
        localizedName: t.organizations.localizedName,
        boilerplate: t.organizations.boilerplate,
        website: t.organizations.website,
      })
      .from(t.organizations)
      .where(isNull(t.organizations.archivedAt))
      .orderBy(t.organizations.name);
    const lacking = (test: (o: Awaited<typeof organizations>[number]) => boolean) => async () => {
      const rows = (await organizations).filter(test);
      return {
        count: rows.length,
        path: '/workspace/organizations',
        details: rows.slice(0, DETAILS_SHOWN).map((r) => ({
          name: resolveName(r.localizedName, o.locale, r.name)?.text ?? '',
          path: `/workspace/organizations/${r.slug}/edit`,
        })),
      };
    };
    // No "About" in any language: the translations view lists one language missing, not this.
    checks.organizationsWithoutAbout = lacking((r) =>
      LOCALES.every((l) => translationState(r.boilerplate, l) === 'missing'),
    );
    checks.organizationsWithoutWebsite = lacking((r) => !r.website?.trim());
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
