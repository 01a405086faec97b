/** Every format of a release, from one render model: what the web downloads and the CLI share. */
import type { Locale } from '../../platform/i18n/locales.js';
import { buildRenderModel, type RenderModel, type RenderOptions } from './render-model.js';
import type { ReleaseSource } from './service.js';
import { ReleaseArticle } from './views.js';
import { writeMarkdown } from './write-markdown.js';
import type { PageSize } from './write-pdf.js';
import { writeText } from './write-text.js';

export const RELEASE_FORMATS = ['html', 'md', 'txt', 'pdf', 'docx'] as const;
export type ReleaseFormat = (typeof RELEASE_FORMATS)[number];

export const CONTENT_TYPES: Record<ReleaseFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface Rendered {
  model: RenderModel;
  body: string | Buffer;
}

export async function renderRelease(
  source: ReleaseSource,
  format: ReleaseFormat,
  locale: Locale,
  options: { pageSize?: PageSize } & RenderOptions = {},
): Promise<Rendered> {
  const model = buildRenderModel(source, locale, options);
  return { model, body: await writeFormat(model, format, options.pageSize) };
}

export async function writeFormat(model: RenderModel, format: ReleaseFormat, pageSize?: PageSize) {
  switch (format) {
    case 'md':
      return writeMarkdown(model);
    case 'txt':
      return writeText(model);
    // pdfmake and docx (with their fonts) load on first use: they would add ~1 s to every start.
    case 'pdf':
      return (await import('./write-pdf.js')).writePdf(model, pageSize);
    case 'docx':
      return (await import('./write-docx.js')).writeDocx(model);
    case 'html':
      return writeStandaloneHtml(model);
  }
}

/** A file on its own (CLI, e-mail attachment): the page's article without the site around it. */
async function writeStandaloneHtml(m: RenderModel): Promise<string> {
  const article = await (<ReleaseArticle m={m} />);
  return `<!doctype html>\n<html lang="${m.locale}"><head><meta charset="utf-8"><title>${escapeTitle(m.headline)}</title></head><body>${article}</body></html>\n`;
}

function escapeTitle(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function isReleaseFormat(value: string): value is ReleaseFormat {
  return (RELEASE_FORMATS as readonly string[]).includes(value);
}
