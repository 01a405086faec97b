/** Reading the workspace's form posts: plain fields, bilingual pairs, the version seen, the writer's language. */
import { Type } from '@fastify/type-provider-typebox';
import { isLocale, type Locale } from '../../lib/locales.js';
import { readLocaleValues } from '../workspace/form.js';

/** Forms carry named fields per language and per picked row, so the body is an open record of strings. */
export const FormBody = Type.Object({ _csrf: Type.String({ maxLength: 200 }) }, { additionalProperties: true });
export type Form = Record<string, unknown>;

export const field = (body: Form, name: string): string =>
  typeof body[name] === 'string' ? (body[name] as string) : '';

export const pair = readLocaleValues;

/** The version the form was built from; anything unreadable is 0, which no row has: a conflict. */
export function seenVersion(body: Form): number {
  const n = Number(body.version);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

export function originalLocale(body: Form, fallback: Locale): Locale {
  const value = field(body, 'originalLocale');
  return isLocale(value) ? value : fallback;
}
