/**
 * PDF writer (pdfmake). Fonts: the Roboto TTFs that ship inside the pdfmake package, embedded in
 * every file; Roboto covers every Spanish letter and sign (á é í ó ú ü ñ ¿ ¡) and typographic quotes.
 * pdfmake may only read those font files and may fetch nothing from the network.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fullDocumentSuffix, type RenderModel } from './render-model.js';
import type { RichBlock, Run } from './rich-text.js';

export type PageSize = 'LETTER' | 'A4';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
interface PdfMake {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}
const pdfmake = require('pdfmake') as PdfMake;
pdfmake.setFonts({
  Roboto: {
    normal: join(fontDir, 'Roboto-Regular.ttf'),
    bold: join(fontDir, 'Roboto-Medium.ttf'),
    italics: join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));

export async function writePdf(m: RenderModel, pageSize: PageSize = 'LETTER'): Promise<Buffer> {
  const content: Content[] = [];
  // An embargo must be the first thing anyone sees.
  content.push({ text: m.releaseLine, bold: true, fontSize: m.embargoedUntil ? 13 : 10, margin: [0, 0, 0, 4] });
  content.push({ text: m.date.text, margin: [0, 0, 0, 10] });
  if (m.contacts.length > 0) {
    content.push({ text: m.t.releasePressContacts, bold: true, fontSize: 9 });
    for (const c of m.contacts) {
      const name = c.organization ? `${c.name} (${c.organization})` : c.name;
      content.push({ text: [name, c.phone, c.email].filter(Boolean).join(' · '), fontSize: 9 });
    }
  }
  content.push({ text: m.headline, style: 'title' });
  if (m.subheadline) content.push({ text: m.subheadline, style: 'subtitle' });
  const [first, ...rest] = m.lead.blocks;
  const dateline = { text: `${m.dateline} — `, bold: true };
  content.push({ text: first?.type === 'paragraph' ? [dateline, ...runs(first.runs)] : [dateline], style: 'p' });
  for (const b of first?.type === 'paragraph' ? rest : m.lead.blocks) content.push(richBlock(b));
  for (const block of m.blocks) {
    if (block.kind === 'text') content.push(...block.text.blocks.map(richBlock));
    else if (block.kind === 'quote') {
      content.push({
        stack: [
          { text: block.text, italics: true },
          { text: `— ${block.attribution}`, margin: [0, 4, 0, 0] },
        ],
        margin: [28, 0, 28, 10],
        unbreakable: true,
      });
    } else {
      if (block.intro) content.push({ text: block.intro, style: 'p' });
      content.push({ ul: block.items, style: 'p' });
    }
  }
  if (m.fullDocumentUrl) {
    content.push({
      text: [{ text: m.t.releaseFullDocument, link: m.fullDocumentUrl, color: '#1a4f8b' }, fullDocumentSuffix(m)],
      style: 'p',
    });
  }
  content.push({ text: m.endMark, alignment: 'center', margin: [0, 6, 0, 12] });
  // Each "About" paragraph is kept whole: split at a page end, the last page of the Spanish demo held
  // only the wrapped web address of the last organization. A paragraph that does not fit moves on whole.
  for (const b of m.boilerplates) {
    const website = b.website ? [' ', { text: b.website.label, link: b.website.url, color: '#1a4f8b' }] : [];
    content.push({
      stack: [{ text: [{ text: `${b.name}: `, bold: true }, b.text, ...website], fontSize: 9 }],
      margin: [0, 0, 0, 6],
      unbreakable: true,
    });
  }

  const doc: TDocumentDefinitions = {
    pageSize,
    pageMargins: [60, 56, 60, 56],
    info: { title: m.headline, creator: 'Puente', producer: 'Puente' },
    language: m.locale,
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 17, bold: true, margin: [0, 14, 0, 6] },
      subtitle: { fontSize: 13, margin: [0, 0, 0, 8] },
      p: { margin: [0, 0, 0, 8] },
    },
  };
  return pdfmake.createPdf(doc).getBuffer();
}

function runs(list: Run[]) {
  return list.map((r) => ({
    text: r.text,
    bold: r.bold ?? false,
    italics: r.italic ?? false,
    ...(r.href && { link: r.href, color: '#1a4f8b' }),
  }));
}

function richBlock(b: RichBlock): Content {
  if (b.type === 'paragraph') return { text: runs(b.runs), style: 'p' };
  return { ul: b.items.map((item) => ({ text: runs(item) })), style: 'p' };
}
