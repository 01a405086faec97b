/** Write side of an organization's profile: the policy, a version check and an audit record per change. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canEditOrganization, type PolicyUser } from '../../platform/policy.js';
import { fingerprint, type LocalizedText, originalOf } from '../../platform/text/localized-text.js';
import { type Editor, updateVersioned, versionedChange } from '../../platform/write.js';

export type OrganizationRow = typeof t.organizations.$inferSelect;

/** The organization, if this user may edit it (members: only their own). */
export async function getEditableOrganization(db: Db, slug: string, user: PolicyUser): Promise<OrganizationRow> {
  const [organization] = await db.select().from(t.organizations).where(eq(t.organizations.slug, slug));
  if (!organization) throw new NotFound(`No organization "${slug}"`);
  if (!canEditOrganization(user, organization)) throw new Forbidden('You may not edit this organization');
  return organization;
}

/**
 * One language of the boilerplate. Text in the original's language (or the first text at all) is
 * the original; any other language is a translation of the current original.
 */
export function withLocaleText(value: LocalizedText, locale: Locale, text: string): LocalizedText {
  const next: LocalizedText = { ...value };
  const original = originalOf(value);
  if (text.trim() === '') {
    delete next[locale];
  } else if (!original || original.locale === locale) {
    next[locale] = { text, origin: 'original' };
  } else {
    next[locale] = { text, origin: 'translation', sourceFingerprint: fingerprint(original.entry.text) };
  }
  return next;
}

export interface BoilerplateEdit {
  slug: string;
  locale: Locale;
  text: string;
  /** The version the editor saw; a newer row means someone else saved in between. */
  version: number;
}

export async function updateBoilerplate(
  db: Db,
  input: BoilerplateEdit,
  user: Editor,
  now: Date,
): Promise<OrganizationRow> {
  return db.transaction(async (tx) => {
    const before = await getEditableOrganization(tx, input.slug, user);
    return updateVersioned(tx, {
      ...versionedChange(t.organizations, 'organization', before, input.version, 'update_boilerplate', user, now),
      set: { boilerplate: withLocaleText(before.boilerplate, input.locale, input.text) },
      audited: (row) => ({ boilerplate: row.boilerplate }),
    });
  });
}
