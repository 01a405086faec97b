/**
 * Everything that still needs writing or checking in a language: texts missing there while another
 * language has them, and translations made from an original that has changed since.
 * Each entity contributes a source; statements and releases add theirs in their own feature.
 */
import { isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import type { TranslationSource } from '../../platform/feature.js';
import type { Catalog } from '../../platform/i18n/catalog.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { canViewRegistry, type PolicyUser } from '../../platform/policy.js';
import { hasAnyText } from '../../platform/text/bilingual.js';
import { type LocalizedText, resolveName, resolveText, translationState } from '../../platform/text/localized-text.js';
import { assertAllowed } from '../../platform/write.js';

const textOr = (value: LocalizedText, fallback: string) => (locale: Locale) =>
  resolveText(value, locale)?.text ?? fallback;

/** The registry's own texts; statements and releases add theirs through their manifests. */
export const registryTranslationSources: TranslationSource[] = [
  {
    kind: (t) => t.registryTranslationsKindOrganization,
    load: async (db) =>
      (await db.select().from(t.organizations).where(isNull(t.organizations.archivedAt))).map((o) => ({
        name: (locale: Locale) => resolveName(o.localizedName, locale, o.name)?.text ?? '',
        editPath: `/workspace/organizations/${o.slug}/edit`,
        fields: [
          { label: (c) => c.registryOrgLocalizedName, value: o.localizedName },
          { label: (c) => c.registryOrgBoilerplate, value: o.boilerplate },
        ],
      })),
  },
  {
    kind: (t) => t.registryTranslationsKindPerson,
    load: async (db) =>
      (await db.select().from(t.people).where(isNull(t.people.archivedAt))).map((p) => ({
        name: () => p.name,
        editPath: `/workspace/people/${p.slug}/edit`,
        fields: [{ label: (c) => c.registryPersonRole, value: p.role }],
      })),
  },
  {
    kind: (t) => t.registryTranslationsKindTheme,
    load: async (db) =>
      (await db.select().from(t.themes).where(isNull(t.themes.archivedAt))).map((r) => ({
        name: textOr(r.label, r.slug),
        editPath: `/workspace/themes/${r.slug}/edit`,
        fields: [{ label: (c) => c.registryThemeLabel, value: r.label }],
      })),
  },
  {
    kind: (t) => t.registryTranslationsKindAddressee,
    load: async (db) =>
      (await db.select().from(t.addressees).where(isNull(t.addressees.archivedAt))).map((r) => ({
        name: textOr(r.name, r.slug),
        editPath: `/workspace/addressees/${r.slug}/edit`,
        fields: [{ label: (c) => c.registryAddresseeName, value: r.name }],
      })),
  },
];

export interface TranslationTodo {
  kind: string;
  name: string;
  field: string;
  locale: Locale;
  state: 'missing' | 'stale';
  editPath: string;
}

/** To-dos in the page's language for the reader; filtered by language and state when asked. */
export async function translationTodos(
  db: Db,
  user: PolicyUser,
  t: Catalog,
  pageLocale: Locale,
  filter: { lang: Locale | ''; state: 'missing' | 'stale' | '' },
  sources: readonly TranslationSource[],
): Promise<TranslationTodo[]> {
  assertAllowed(canViewRegistry(user));
  const todos: TranslationTodo[] = [];
  for (const source of sources) {
    for (const item of await source.load(db)) {
      for (const field of item.fields) {
        // A field with no text at all is not a translation to do (e.g. no translated name needed).
        if (!hasAnyText(Object.fromEntries(LOCALES.map((l) => [l, field.value[l]?.text ?? ''])))) continue;
        for (const locale of LOCALES) {
          const state = translationState(field.value, locale);
          if (state !== 'missing' && state !== 'stale') continue;
          if ((filter.lang && filter.lang !== locale) || (filter.state && filter.state !== state)) continue;
          todos.push({
            kind: source.kind(t),
            name: item.name(pageLocale),
            field: field.label(t),
            locale,
            state,
            editPath: item.editPath,
          });
        }
      }
    }
  }
  return todos;
}
