/**
 * DOCX writer (the `docx` package): Word's own style names — Title, Heading 1, List Bullet, Quote —
 * so an editor who opens the file in Word or LibreOffice keeps editing with the usual styles.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { fullDocumentSuffix, type RenderModel } from './render-model.js';
import type { RichBlock, Run } from './rich-text.js';

const BULLETS = 'release-bullets';

export async function writeDocx(m: RenderModel): Promise<Buffer> {
  const children: Paragraph[] = [];
  const p = (runs: ParagraphChild[], options: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
    children.push(new Paragraph({ ...options, children: runs }));
  const bullet = (runs: ParagraphChild[]) => p(runs, { style: 'ListBullet' });

  p([new TextRun({ text: m.releaseLine, bold: true })]);
  p([new TextRun(m.date.text)]);
  if (m.contacts.length > 0) {
    p([new TextRun({ text: m.t.releasePressContacts, bold: true })]);
    for (const c of m.contacts) {
      const name = c.organization ? `${c.name} (${c.organization})` : c.name;
      p([new TextRun([name, c.phone, c.email].filter(Boolean).join(' · '))]);
    }
  }
  p([new TextRun(m.headline)], { heading: HeadingLevel.TITLE });
  if (m.subheadline) p([new TextRun(m.subheadline)], { heading: HeadingLevel.HEADING_1 });
  const [first, ...rest] = m.lead.blocks;
  const dateline = new TextRun({ text: `${m.dateline} — `, bold: true });
  if (first?.type === 'paragraph') p([dateline, ...runs(first.runs)]);
  else p([dateline]);
  for (const b of first?.type === 'paragraph' ? rest : m.lead.blocks) richBlock(b, p, bullet);
  for (const block of m.blocks) {
    if (block.kind === 'text') for (const b of block.text.blocks) richBlock(b, p, bullet);
    else if (block.kind === 'quote') {
      p([new TextRun(block.text)], { style: 'Quote' });
      p([new TextRun(`— ${block.attribution}`)], { style: 'Quote' });
    } else {
      if (block.intro) p([new TextRun(block.intro)]);
      for (const item of block.items) bullet([new TextRun(item)]);
    }
  }
  if (m.fullDocumentUrl) p([link(m.t.releaseFullDocument, m.fullDocumentUrl), new TextRun(fullDocumentSuffix(m))]);
  p([new TextRun(m.endMark)], { alignment: AlignmentType.CENTER });
  for (const b of m.boilerplates) {
    p([
      new TextRun({ text: `${b.name}: `, bold: true }),
      new TextRun(b.text),
      ...(b.website ? [new TextRun(' '), link(b.website.label, b.website.url)] : []),
    ]);
  }

  const doc = new Document({
    creator: 'Puente',
    title: m.headline,
    styles: {
      // Word's Title is 28 pt: too big for a headline of two lines. Paragraphs get space after, as in print.
      default: {
        document: { run: { font: 'Liberation Sans', size: 21 }, paragraph: { spacing: { after: 140 } } },
        title: { run: { size: 34, bold: true }, paragraph: { spacing: { before: 240, after: 160 } } },
      },
      paragraphStyles: [
        {
          id: 'ListBullet',
          name: 'List Bullet',
          basedOn: 'Normal',
          quickFormat: true,
          paragraph: { numbering: { reference: BULLETS, level: 0 } },
        },
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 720, right: 720 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

function runs(list: Run[]): ParagraphChild[] {
  return list.map((r) =>
    r.href ? link(r.text, r.href) : new TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false }),
  );
}

function link(text: string, href: string): ExternalHyperlink {
  return new ExternalHyperlink({ link: href, children: [new TextRun({ text, style: 'Hyperlink' })] });
}

function richBlock(b: RichBlock, p: (runs: ParagraphChild[]) => void, bullet: (runs: ParagraphChild[]) => void): void {
  if (b.type === 'paragraph') p(runs(b.runs));
  else for (const item of b.items) bullet(runs(item));
}
