/**
 * One render model: a release and its registry data, normalized for one language into plain data.
 * Every writer (Markdown, text, HTML, PDF, DOCX) only lays this out, so wording, order, fallbacks and
 * what counts as missing are decided here once.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Catalog } from '../../platform/i18n/catalog.js';
import { formatDate, messages } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { linkTarget } from '../../platform/text/link-target.js';
import { type LocalizedText, resolveName, resolveText } from '../../platform/text/localized-text.js';
import { documentMeta, fileUrl } from '../files/index.js';
import { parseRichText, type RichBlock } from './rich-text.js';
import type { OrganizationRow, PersonWithOrganization, ReleaseSource } from './service.js';

export interface RichText {
  /** The Markdown as written (the Markdown writer uses it as is). */
  markdown: string;
  blocks: RichBlock[];
}

export type ModelBlock =
  | { kind: 'text'; text: RichText }
  | { kind: 'quote'; text: string; attribution: string }
  | { kind: 'highlights'; intro: string; items: string[] };

export interface ModelContact {
  name: string;
  organization: string | null;
  /** International format, readable on both sides of a border ("+1 443-396-3317"). */
  phone: string | null;
  phoneUri: string | null;
  email: string | null;
}

export interface ModelBoilerplate {
  /** The organization's name in this language, e.g. "Center for Justice and International Law (CEJIL)". */
  name: string;
  text: string;
  /** `url` passed `linkTarget()`: a web or mail address, safe to write into a link in any format. */
  website: { url: string; label: string } | null;
}

export type Gap =
  | { kind: 'boilerplate'; organization: string }
  | { kind: 'phone'; person: string }
  | { kind: 'email'; person: string }
  | { kind: 'untranslated' };

export interface RenderModel {
  slug: string;
  locale: Locale;
  t: Catalog;
  /** "FOR IMMEDIATE RELEASE" or "EMBARGOED UNTIL June 3, 2021 at 9:00 AM CST (America/Guatemala)" */
  releaseLine: string;
  embargoedUntil: Date | null;
  date: { iso: string; text: string };
  contacts: ModelContact[];
  headline: string;
  subheadline: string | null;
  /** "Guatemala, June 3, 2021" */
  dateline: string;
  lead: RichText;
  blocks: ModelBlock[];
  /** Passed `linkTarget()` (platform/text/link-target.ts), like every link the writers get. */
  fullDocumentUrl: string | null;
  /** "PDF, 1.2 MB" when the link is the uploaded document, printed after the link in every format. */
  fullDocumentMeta: string | null;
  endMark: '###' | '-30-';
  boilerplates: ModelBoilerplate[];
  /** Every boilerplate organization's name, including those whose "About" text is missing. */
  organizations: string[];
  statement: { slug: string; title: string } | null;
  /** What an editor should fix; the render succeeds anyway. */
  gaps: Gap[];
}

export interface RenderOptions {
  /**
   * The site's public address (PUENTE_BASE_URL): downloads, printouts and e-mails leave the site, so the
   * uploaded document is linked by absolute URL. Without it (workspace previews, the linter) the link is
   * site-relative.
   */
  baseUrl?: string;
}

export function buildRenderModel(source: ReleaseSource, locale: Locale, options: RenderOptions = {}): RenderModel {
  const t = messages(locale);
  const { release } = source;
  const gaps: Gap[] = [];
  let fellBack = false;
  const text = (value: LocalizedText | null | undefined): string => {
    const resolved = resolveText(value, locale);
    if (resolved?.isFallback) fellBack = true;
    return resolved?.text ?? '';
  };
  const rich = (value: LocalizedText): RichText => {
    const markdown = text(value);
    return { markdown, blocks: parseRichText(markdown) };
  };

  const contacts = source.contacts.map(({ person, organization }): ModelContact => {
    if (!person.phone) gaps.push({ kind: 'phone', person: person.name });
    if (!person.email) gaps.push({ kind: 'email', person: person.name });
    const phone = person.phone ? parsePhoneNumberFromString(person.phone) : undefined;
    return {
      name: person.name,
      organization: organization ? organizationName(organization, locale) : null,
      phone: phone?.formatInternational() ?? person.phone,
      phoneUri: phone?.getURI() ?? null,
      email: person.email,
    };
  });

  const highlights = source.highlights.map(text);
  const blocks = source.blocks.map((b): ModelBlock => {
    if (b.kind === 'quote')
      return { kind: 'quote', text: text(b.text), attribution: attribution(b.speaker, text, locale) };
    if (b.kind === 'highlights') return { kind: 'highlights', intro: text(b.intro), items: highlights };
    return { kind: 'text', text: rich(b.text) };
  });

  const boilerplates: ModelBoilerplate[] = [];
  for (const organization of source.boilerplates) {
    const name = organizationName(organization, locale);
    // Another language's "About" would be wrong in this release: leave it out and say so.
    const about = resolveText(organization.boilerplate, locale);
    if (!about || about.isFallback) {
      gaps.push({ kind: 'boilerplate', organization: name });
      continue;
    }
    // A website that may not be a link (javascript:, a typo without a scheme) is left out of every format.
    const url = linkTarget(organization.website);
    boilerplates.push({
      name,
      text: about.text,
      website: url && organization.website ? { url, label: websiteLabel(organization.website.trim()) } : null,
    });
  }

  const date = { iso: release.releaseDate, text: formatDate(release.releaseDate, locale) };
  const model: RenderModel = {
    slug: release.slug,
    locale,
    t,
    releaseLine: release.embargoedUntil
      ? t.releaseEmbargoed(formatInstant(release.embargoedUntil, release.timeZone, locale))
      : t.releaseImmediate,
    embargoedUntil: release.embargoedUntil,
    date,
    contacts,
    headline: text(release.headline),
    subheadline: text(release.subheadline) || null,
    dateline: [text(release.datelinePlace), date.text].filter(Boolean).join(', '),
    lead: rich(release.lead),
    blocks,
    ...fullDocument(source, t, locale, options.baseUrl ?? ''),
    endMark: release.endMark,
    boilerplates,
    organizations: source.boilerplates.map((o) => organizationName(o, locale)),
    statement: source.statement ? { slug: source.statement.slug, title: text(source.statement.title) } : null,
    gaps,
  };
  if (fellBack) gaps.push({ kind: 'untranslated' });
  return model;
}

/**
 * One link, not two: the uploaded document when the statement has one (the copy Puente keeps, with its
 * type and size, and public exactly when the statement is), else the release's own URL, else the
 * statement's. The statement page makes the same choice, so both pages point at the same file.
 */
function fullDocument(
  source: ReleaseSource,
  t: Catalog,
  locale: Locale,
  baseUrl: string,
): Pick<RenderModel, 'fullDocumentUrl' | 'fullDocumentMeta'> {
  if (source.document) {
    return {
      fullDocumentUrl: linkTarget(`${baseUrl.replace(/\/+$/, '')}${fileUrl(source.document)}`),
      fullDocumentMeta: documentMeta({ t, locale }, source.document),
    };
  }
  // An address that may not be a link gives no link at all: there is nothing else to point at.
  return {
    fullDocumentUrl: linkTarget(source.release.fullDocumentUrl ?? source.statement?.fullDocumentUrl),
    fullDocumentMeta: null,
  };
}

/** What follows the full-document link in every format: " (PDF, 1.2 MB)", or nothing for a plain URL. */
export const fullDocumentSuffix = (m: Pick<RenderModel, 'fullDocumentMeta'>) =>
  m.fullDocumentMeta ? ` (${m.fullDocumentMeta})` : '';

export function gapMessage(gap: Gap, t: Catalog): string {
  switch (gap.kind) {
    case 'boilerplate':
      return t.releaseGapBoilerplate(gap.organization);
    case 'phone':
      return t.releaseGapPhone(gap.person);
    case 'email':
      return t.releaseGapEmail(gap.person);
    case 'untranslated':
      return t.releaseGapUntranslated;
  }
}

/** The name in this language, with the acronym when the name does not already contain it. */
function organizationName(o: OrganizationRow, locale: Locale): string {
  // Names are often the same in every language, so falling back to the own name is not a gap.
  const name = resolveName(o.localizedName, locale, o.name)?.text ?? '';
  return o.acronym && !name.includes(o.acronym) ? `${name} (${o.acronym})` : name;
}

/** "Mirtha Colón, President of …"; without a role, the person's organization. */
function attribution(
  { person, organization }: PersonWithOrganization,
  text: (v: LocalizedText) => string,
  locale: Locale,
): string {
  const role = text(person.role);
  if (role) return `${person.name}, ${role}`;
  if (organization) return `${person.name}, ${organizationName(organization, locale)}`;
  return person.name;
}

function websiteLabel(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** Date, time and zone as a journalist in that zone reads it, plus the IANA name to remove doubt. */
export function formatInstant(instant: Date, timeZone: string, locale: Locale): string {
  const tag = locale === 'es' ? 'es' : 'en-US';
  const when = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant);
  const zone =
    new Intl.DateTimeFormat(tag, { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${when} ${zone} (${timeZone})`.replace(/\s+/g, ' ');
}
