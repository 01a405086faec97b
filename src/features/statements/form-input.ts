/** Reading the workspace's form posts: plain fields, bilingual pairs, the version seen, the writer's language. */
import { Type } from '@fastify/type-provider-typebox';
import type { ChangeSince } from '../../platform/conflict.js';
import { rebaseForm, rowAsSeen } from '../../platform/conflict.js';
import { isLocale, LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { TextInput } from '../../platform/text/localized-input.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { readConfirmed, readLocaleValues } from '../../ui/form.js';

const Slug = Type.String({ minLength: 1, maxLength: 200 });
export const SlugParams = Type.Object({ slug: Slug });
export const ItemParams = Type.Object({ slug: Slug, id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

/** Forms carry named fields per language and per picked row, so the body is an open record of strings. */
export const FormBody = Type.Object({ _csrf: Type.String({ maxLength: 200 }) }, { additionalProperties: true });
export type Form = Record<string, unknown>;

export const field = (body: Form, name: string): string =>
  typeof body[name] === 'string' ? (body[name] as string) : '';

/** A bilingual pair as typed, with the languages whose translation the editor confirmed as current. */
export const pair = (body: Form, name: string): TextInput => ({
  ...readLocaleValues(body, name),
  confirmed: readConfirmed(body, name),
});

/** The version the form was built from; anything unreadable is 0, which no row has: a conflict. */
export function seenVersion(body: Form): number {
  const n = Number(body.version);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

export function originalLocale(body: Form, fallback: Locale): Locale {
  const value = field(body, 'originalLocale');
  return isLocale(value) ? value : fallback;
}

/**
 * After a conflict, the typed form merged three ways (the shell's rebaseForm): a field the editor
 * changed keeps what they typed; one they left as they saw it takes the other editor's newer value.
 * What they saw is the current row with the audit history since their version undone (rowAsSeen),
 * so saving again neither loses their text nor silently reverts the other editor's change.
 * `texts` are the row's LocalizedText fields (form names `${name}_${locale}`), `plain` its other fields
 * as the form writes them; both keyed by the names the audit rows use.
 */
export function rebaseTyped(
  body: Form,
  history: ChangeSince[],
  texts: Record<string, LocalizedText>,
  plain: Record<string, string> = {},
): Form {
  const seen = rowAsSeen<Record<string, unknown>>({ ...texts, ...plain }, history);
  const out: Form = { ...body };
  for (const [name, current] of Object.entries(texts)) {
    const before = (seen[name] ?? {}) as LocalizedText;
    for (const locale of LOCALES) {
      const key = `${name}_${locale}`;
      out[key] = rebaseForm(field(body, key), before[locale]?.text ?? '', current[locale]?.text ?? '');
    }
  }
  for (const [name, current] of Object.entries(plain)) {
    out[name] = rebaseForm(field(body, name), seen[name] == null ? '' : String(seen[name]), current);
  }
  return out;
}
