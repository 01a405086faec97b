/**
 * A press release written as data (the demo in demo/ uses it). People, organizations and
 * recommendations are referred to by slug: their names, phones and "About" texts stay in the registry.
 */
import type { TextPair } from './coalition-data.js';

export type ReleaseBlockData =
  | { kind: 'text'; text: TextPair }
  | { kind: 'quote'; person: string; text: TextPair }
  /** Introduced by `intro`; its bullets are the release's `highlights`. */
  | { kind: 'highlights'; intro: TextPair };

export type HighlightData = { recommendation: string } | { text: TextPair };

export interface ReleaseData {
  slug: string;
  statement?: string;
  status: 'draft' | 'published';
  /** ISO instant; omitted: for immediate release. */
  embargoedUntil?: string;
  /** IANA zone the embargo and dateline are read in. */
  timeZone: string;
  releaseDate: string;
  contacts: string[];
  headline: TextPair;
  subheadline?: TextPair;
  datelinePlace: TextPair;
  /** Markdown */
  lead: TextPair;
  blocks: ReleaseBlockData[];
  highlights: HighlightData[];
  fullDocumentUrl?: string;
  endMark?: '###' | '-30-';
  /** Omitted: the statement's signatories, in order. */
  boilerplates?: string[];
}
