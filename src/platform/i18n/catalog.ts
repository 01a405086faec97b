import type { en } from './messages/en.js';

/** A translation of an English catalog: the same keys, each a string or a function of the same arguments. */
export type TranslationOf<English> = {
  readonly [K in keyof English]: English[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** The shape every language's catalog must have: English's keys, each a string or the same function. */
export type Catalog = TranslationOf<typeof en>;
