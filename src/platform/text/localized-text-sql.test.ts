/** translationStateSql() agrees with translationState() on the awkward cases, on both engines. */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { queryRows } from '../db/client.js';
import { LOCALES } from '../i18n/locales.js';
import { fingerprint, type LocalizedText, localized, translationState } from './localized-text.js';
import { fingerprintSql, hasAnyTextSql, translationStateSql } from './localized-text-sql.js';

const original = 'Cafe\u0301 con leche'; // "Café" decomposed: the fingerprint normalizes to NFC first
const VALUES: LocalizedText[] = [
  {},
  localized('en', 'Hello', { es: 'Hola' }),
  {
    en: { text: 'New original', origin: 'original' },
    es: { text: 'Viejo', origin: 'translation', sourceFingerprint: fingerprint('Old') },
  },
  {
    en: { text: `\u00a0${original}\n`, origin: 'original' },
    es: { text: 'Café', origin: 'translation', sourceFingerprint: fingerprint('Café con leche') },
  },
  {
    en: { text: ' \t\u2003\n', origin: 'original' },
    es: { text: 'Solo', origin: 'translation', sourceFingerprint: 'x' },
  },
  { es: { text: 'Sin huella', origin: 'translation' } },
  { en: { text: 'Original', origin: 'original' }, es: { text: '', origin: 'translation' } },
  { en: { text: 'Both', origin: 'original' }, es: { text: 'Ambos', origin: 'original' } },
  { en: { text: 'Fp empty', origin: 'original' }, es: { text: 'Vacía', origin: 'translation', sourceFingerprint: '' } },
];

describeEachEngine('LocalizedText state in SQL', (ctx) => {
  it('gives the same state as translationState() for every language, and the same fingerprint', async () => {
    for (const value of VALUES) {
      const json = JSON.stringify(value);
      const column = sql`${json}::jsonb`;
      const [row] = await queryRows<Record<string, unknown>>(
        ctx.db,
        sql`select ${translationStateSql(column, 'en')} as en, ${translationStateSql(column, 'es')} as es,
          ${hasAnyTextSql(column)} as any`,
      );
      for (const locale of LOCALES)
        expect({ json, locale, state: row?.[locale] }).toEqual({
          json,
          locale,
          state: translationState(value, locale),
        });
      expect(row?.any).toBe(LOCALES.some((l) => translationState(value, l) !== 'missing'));
    }
    const [fp] = await queryRows<{ fp: string }>(
      ctx.db,
      sql`select ${fingerprintSql(sql`${`\u00a0${original}\n`}::text`)} as fp`,
    );
    expect(fp?.fp).toBe(fingerprint(`\u00a0${original}\n`));
  });
});
