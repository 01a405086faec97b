/**
 * The shape of a coalition written as data (the demo in demo/coalition.ts uses it).
 * Entities refer to each other by slug so the file reads like the document it came from.
 * Texts are given as { en, es } with the original language named once per entity group;
 * the loader records the other language as a translation of it.
 */
import type { Locale } from '../../platform/i18n/locales.js';

export type TextPair = { en: string; es: string };
/** A text that exists in one language only (nothing published in the other). */
export type OneLanguageText = Partial<TextPair>;

export interface OrganizationData {
  slug: string;
  /** The name the organization uses for itself. */
  name: string;
  acronym?: string;
  aliases?: string[];
  localizedName: OneLanguageText;
  /** Omitted when the source publishes no boilerplate: never invent one. */
  boilerplate?: OneLanguageText;
  website?: string;
  country?: string;
  kind: 'ngo' | 'network' | 'academic' | 'faith_based' | 'agency' | 'government' | 'other';
}

export interface PersonData {
  slug: string;
  name: string;
  role?: OneLanguageText;
  organization?: string;
  email?: string;
  /** Any format libphonenumber-js understands; stored as E.164. */
  phone?: string;
  /** Region used to read a national phone number, e.g. "US". */
  phoneRegion?: string;
  isPressContact: boolean;
}

export interface ThemeData {
  slug: string;
  label: TextPair;
}

export interface AddresseeData {
  slug: string;
  name: TextPair;
  kind: 'person' | 'office' | 'government' | 'agency' | 'legislature' | 'international_body' | 'other';
  country?: string;
  parent?: string;
}

export interface RecommendationData {
  slug: string;
  text: TextPair;
  themes: string[];
  addressees: string[];
}

export interface QuoteData {
  person: string;
  text: TextPair;
}

export interface StatementData {
  slug: string;
  date: string;
  status: 'draft' | 'published';
  title: TextPair;
  summary: TextPair;
  /** Markdown */
  body: TextPair;
  occasion: TextPair;
  fullDocumentUrl?: string;
  addressees: string[];
  signatories: { organization: string; role: 'convener' | 'signatory' }[];
  recommendations: RecommendationData[];
  quotes: QuoteData[];
}

export interface CoalitionData {
  /** The language the source texts were published in; the other one is our translation. */
  originalLocale: Locale;
  organizations: OrganizationData[];
  people: PersonData[];
  themes: ThemeData[];
  addressees: AddresseeData[];
  statements: StatementData[];
  /** Press releases, written after the statements they refer to. */
  releases?: ReleaseData[];
}

/**
 * A press release written as data (the demo in demo/ uses it). People, organizations and
 * recommendations are referred to by slug: their names, phones and "About" texts stay in the registry.
 */

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
