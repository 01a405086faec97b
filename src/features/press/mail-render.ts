/**
 * A release as an email, per language: the release's own HTML and text formats (features/releases, one
 * render model), with the editor's note and, under embargo, the embargo stated above it, the links to
 * the PDF and DOCX, and an unsubscribe line. Rendered once per language per send; each recipient's copy
 * only has their unsubscribe address filled in (`personalize`), so 5,000 recipients cost two renders.
 */
import type { Catalog } from '../../platform/i18n/catalog.js';
import { messages } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { ReleaseSource } from '../releases/index.js';
import { formatInstant, renderRelease } from '../releases/index.js';

export type SendMode = 'lift' | 'now' | 'embargo';

export interface MailTemplate {
  locale: Locale;
  subject: string;
  text: string;
  html: string;
}

/** Stands for the recipient's unsubscribe address until `personalize` fills it in. */
const UNSUBSCRIBE = '\u0000unsubscribe\u0000';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function releaseLinks(baseUrl: string, locale: Locale, slug: string) {
  const page = `${baseUrl.replace(/\/+$/, '')}/${locale}/releases/${encodeURIComponent(slug)}`;
  return { page, pdf: `${page}/release.pdf`, docx: `${page}/release.docx` };
}

export async function renderReleaseMail(
  source: ReleaseSource,
  locale: Locale,
  options: { baseUrl: string; note: string; mode: SendMode },
): Promise<MailTemplate> {
  const t: Catalog = messages(locale);
  const [html, text] = await Promise.all([
    renderRelease(source, 'html', locale, { baseUrl: options.baseUrl }),
    renderRelease(source, 'txt', locale, { baseUrl: options.baseUrl }),
  ]);
  const { model } = html;
  const embargo =
    options.mode === 'embargo' && source.release.embargoedUntil
      ? t.pressEmbargoNotice(formatInstant(source.release.embargoedUntil, source.release.timeZone, locale))
      : null;
  const subject = embargo ? `${t.pressEmbargoSubject}: ${model.headline}` : model.headline;
  const links = releaseLinks(options.baseUrl, locale, source.release.slug);
  const note = options.note.trim();

  const textParts: (string | null)[] = [
    embargo ? `${embargo}\n` : null,
    note ? `${note}\n\n---\n` : null,
    String(text.body).trim(),
    '',
    `${t.pressMailLinks}`,
    `${t.pressMailWebPage}: ${links.page}`,
    `PDF: ${links.pdf}`,
    `DOCX: ${links.docx}`,
    embargo ? t.pressMailLinksAtLift : null,
    '',
    `${t.pressMailUnsubscribe}: ${UNSUBSCRIBE}`,
  ];
  const top = [
    embargo ? `<p><strong>${escapeHtml(embargo)}</strong></p>` : '',
    note
      ? `<div>${note
          .split(/\n{2,}/)
          .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
          .join('')}</div><hr>`
      : '',
  ].join('');
  const bottom = `<hr><p>${escapeHtml(t.pressMailLinks)}</p><ul><li><a href="${escapeHtml(links.page)}">${escapeHtml(t.pressMailWebPage)}</a></li><li><a href="${escapeHtml(links.pdf)}">PDF</a></li><li><a href="${escapeHtml(links.docx)}">DOCX</a></li></ul>${embargo ? `<p>${escapeHtml(t.pressMailLinksAtLift)}</p>` : ''}<p><a href="${UNSUBSCRIBE}">${escapeHtml(t.pressMailUnsubscribe)}</a></p>`;
  const page = String(html.body).replace('<body>', `<body>${top}`).replace('</body>', `${bottom}</body>`);
  return { locale, subject, text: textParts.filter((p) => p !== null).join('\n'), html: page };
}

/** One recipient's copy: the template with their unsubscribe address. */
export function personalize(template: MailTemplate, unsubscribeUrl: string): MailTemplate {
  return {
    ...template,
    text: template.text.replaceAll(UNSUBSCRIBE, unsubscribeUrl),
    html: template.html.replaceAll(UNSUBSCRIBE, escapeHtml(unsubscribeUrl)),
  };
}

/** The version a contact gets: their first language the release is written in, else their first. */
export function mailLocale(contactLanguages: readonly string[], written: readonly Locale[]): Locale {
  const theirs = contactLanguages.filter((l): l is Locale => l === 'en' || l === 'es');
  return theirs.find((l) => written.includes(l)) ?? theirs[0] ?? written[0] ?? 'en';
}
