import type { en } from './messages/en.js';

/** The shape every language's catalog must have: English's keys, each a string or the same function. */
export type Catalog = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};
