/**
 * The translations page's counts and pages, computed in SQL, match a direct computation in JS
 * (translationState over every field), across pages and with filters, on both engines.
 */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { features } from '../../app/features.js';
import { type Db, queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import type { TranslationFieldRow } from '../../platform/db/translation-fields.js';
import { gatherContributions } from '../../platform/feature.js';
import { messages } from '../../platform/i18n/format.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { fingerprint, type LocalizedText, localized, translationState } from '../../platform/text/localized-text.js';
import { loadDemo } from '../demo/index.js';
import { type TranslationFilter, translationCounts, translationTodoPage } from './translations-service.js';

const { translationSources: sources } = gatherContributions(features);
const editor = { id: 1, role: 'editor' as const, organizationId: null, disabled: false };
const en = messages('en');

/** Every to-do as "kind|edit path|field label|language|state", straight from translationState(). */
async function directTodos(db: Db): Promise<string[]> {
  const out: string[] = [];
  for (const source of sources) {
    for (const row of await queryRows<TranslationFieldRow>(db, source.rows)) {
      const value = (row.value ?? {}) as LocalizedText;
      if (LOCALES.every((l) => translationState(value, l) === 'missing')) continue;
      for (const locale of LOCALES) {
        const state = translationState(value, locale);
        if (state === 'missing' || state === 'stale')
          out.push(
            `${source.kind(en)}|${row.edit_path}|${source.label(en, row.field, Number(row.field_number))}|${locale}|${state}`,
          );
      }
    }
  }
  return out.sort();
}

async function everyPage(db: Db, filter: TranslationFilter, size: number) {
  const seen: string[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await translationTodoPage(db, editor, en, 'en', filter, sources, { after }, size);
    expect(page.items.length).toBeLessThanOrEqual(size);
    seen.push(...page.items.map((i) => `${i.kind}|${i.editPath}|${i.field}|${i.locale}|${i.state}`));
    after = page.next;
    pages++;
  } while (after && pages < 1000);
  return { seen, pages };
}

describeEachEngine('translations page in SQL', (ctx) => {
  it('counts and pages match a direct computation, with and without filters', async () => {
    await loadDemo(ctx.db);
    // More to do: an English original with a stale Spanish translation, one with none, a blank field.
    await ctx.db.insert(t.themes).values([
      {
        slug: 'stale-theme',
        label: {
          en: { text: 'New words', origin: 'original' },
          es: { text: 'Palabras viejas', origin: 'translation', sourceFingerprint: fingerprint('Old words') },
        },
      },
      { slug: 'english-only-theme', label: { en: { text: 'English only', origin: 'original' } } },
      { slug: 'blank-theme', label: { en: { text: '  ', origin: 'original' } } },
      ...Array.from({ length: 10 }, (_, i) => ({
        slug: `tema-${i}`,
        label: { es: { text: `Tema ${i}`, origin: 'original' as const } },
      })),
    ]);
    await ctx.db.insert(t.people).values(
      Array.from({ length: 6 }, (_, i) => ({
        slug: `person-${i}`,
        name: `Person ${i}`,
        role: {
          en: { text: `Role ${i}`, origin: 'original' as const },
          es: { text: `Cargo ${i}`, origin: 'translation' as const, sourceFingerprint: 'old' },
        },
      })),
    );
    const direct = await directTodos(ctx.db);
    expect(direct.some((d) => d.includes('stale-theme') && d.endsWith('|es|stale'))).toBe(true);
    expect(direct.some((d) => d.includes('blank-theme'))).toBe(false);

    const counts = await translationCounts(ctx.db, editor, en, '', sources);
    for (const locale of LOCALES)
      for (const state of ['missing', 'stale'] as const)
        expect(counts.filter((c) => c.locale === locale && c.state === state).reduce((n, c) => n + c.count, 0)).toBe(
          direct.filter((d) => d.endsWith(`|${locale}|${state}`)).length,
        );

    const all = await everyPage(ctx.db, { q: '', lang: '', state: '' }, 3);
    expect(all.pages).toBeGreaterThan(2);
    expect(new Set(all.seen).size).toBe(all.seen.length);
    expect([...all.seen].sort()).toEqual(direct);

    const filter = { q: '', lang: 'es' as Locale, state: 'stale' as const };
    const stale = await everyPage(ctx.db, filter, 1);
    expect([...stale.seen].sort()).toEqual(direct.filter((d) => d.endsWith('|es|stale')));

    // Going back from the second page gives the first page again.
    const first = await translationTodoPage(ctx.db, editor, en, 'en', filter, sources, {}, 1);
    const second = await translationTodoPage(ctx.db, editor, en, 'en', filter, sources, { after: first.next }, 1);
    const back = await translationTodoPage(ctx.db, editor, en, 'en', filter, sources, { before: second.previous }, 1);
    expect(back.items).toEqual(first.items);

    const searched = await everyPage(ctx.db, { q: 'new words', lang: '', state: '' }, 50);
    expect(searched.seen).toEqual(direct.filter((d) => d.includes('stale-theme')));

    // The stored list follows a write (every service write sets updated_at): the stale theme, re-translated.
    await ctx.db
      .update(t.themes)
      .set({ label: localized('en', 'New words', { es: 'Palabras nuevas' }), updatedAt: new Date() })
      .where(eq(t.themes.slug, 'stale-theme'));
    const afterWrite = await directTodos(ctx.db);
    expect(afterWrite.length).toBe(direct.length - 1);
    expect([...(await everyPage(ctx.db, { q: '', lang: '', state: '' }, 50)).seen].sort()).toEqual(afterWrite);
    const recounted = await translationCounts(ctx.db, editor, en, '', sources);
    expect(recounted.reduce((n, c) => n + c.count, 0)).toBe(afterWrite.length);
  });
});
