/** The form helpers' promises: label, hint and error tied to the field; typed values kept; states shown. */
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { messages } from '../platform/i18n/format.js';
import { mergeLocalized } from '../platform/text/bilingual.js';
import { localized, translationState } from '../platform/text/localized-text.js';
import type { PageContext } from '../platform/web/page-context.js';
import { BilingualField } from './bilingual-field.js';
import { ErrorSummary, FileField, FileUploadForm, MarkdownField, SelectField, TextField } from './form.js';

const ctx = (locale: 'en' | 'es'): PageContext => ({
  locale,
  t: messages(locale),
  pathWithinLocale: '/workspace',
  stylesheetHref: '/s.css',
});

describe('form fields', () => {
  it('ties the hint and the error to the input and marks it invalid', async () => {
    const $ = cheerio.load(
      await (<TextField ctx={ctx('en')} name="website" label="Website" hint="Full address" error="Bad" value="x<y" />),
    );
    const input = $('input#f-website');
    expect($('label[for="f-website"]').text()).toContain('Website');
    expect(input.attr('aria-describedby')).toBe('f-website-hint f-website-error');
    expect(input.attr('aria-invalid')).toBe('true');
    expect($('#f-website-error').text()).toContain('Bad');
    expect(input.attr('value')).toBe('x<y');
  });

  it('has no aria-invalid and no error element when the value is fine', async () => {
    const $ = cheerio.load(
      await (
        <SelectField
          ctx={ctx('en')}
          name="kind"
          label="Kind"
          value="b"
          options={[
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ]}
        />
      ),
    );
    expect($('select').attr('aria-invalid')).toBeUndefined();
    expect($('select').attr('aria-describedby')).toBeUndefined();
    expect($('option[selected]').attr('value')).toBe('b');
  });

  it('lists every problem at the top, linked to its field', async () => {
    const $ = cheerio.load(
      await (<ErrorSummary ctx={ctx('es')} errors={{ name: 'Completa este campo.' }} labels={{ name: 'Nombre' }} />),
    );
    expect($('[role=alert] a').attr('href')).toBe('#f-name');
    expect($('[role=alert] a').text()).toBe('Nombre: Completa este campo.');
  });

  it('shows English and Spanish side by side, each with its translation state', async () => {
    const stored = mergeLocalized(localized('en', 'Old text', { es: 'Texto viejo' }), { en: 'New text' });
    expect(translationState(stored, 'es')).toBe('stale');
    const $ = cheerio.load(
      await (<BilingualField ctx={ctx('en')} name="boilerplate" label="About" stored={stored} multiline />),
    );
    expect($('fieldset legend').text()).toBe('About');
    expect($('textarea[name=boilerplate_en]').attr('lang')).toBe('en');
    expect($('textarea[name=boilerplate_es]').text()).toBe('Texto viejo');
    expect($('label[for=f-boilerplate_en] .state').text()).toBe('original');
    expect($('label[for=f-boilerplate_es] .state').text()).toBe('translation out of date');
    const missing = cheerio.load(
      await (<BilingualField ctx={ctx('es')} name="n" label="Nombre" stored={localized('en', 'Only English')} />),
    );
    // An empty translation is information, not an error: neutral, "sin traducir".
    expect(missing('label[for=f-n_es] .state').text()).toBe('sin traducir');
    expect(missing('label[for=f-n_es] .state').hasClass('state-untranslated')).toBe(true);
    expect(missing('.state-missing').length).toBe(0);
  });

  it('marks only a required text empty in every language as missing, in the error style', async () => {
    const field = async (required: boolean, stored: Parameters<typeof BilingualField>[0]['stored']) =>
      cheerio.load(
        await (<BilingualField ctx={ctx('en')} name="h" label="Headline" stored={stored} required={required} />),
      );
    const empty = await field(true, {});
    expect(
      empty('.state-missing')
        .map((_, el) => empty(el).text())
        .get(),
    ).toEqual(['missing', 'missing']);
    // Required but written in one language: the other is only "not translated".
    const half = await field(true, localized('en', 'Written'));
    expect(half('.state-missing').length).toBe(0);
    expect(half('label[for=f-h_es] .state').text()).toBe('not translated');
    // A blank create form (nothing stored yet) and an optional field show no error either.
    expect((await field(true, null))('.state-missing').length).toBe(0);
    expect((await field(false, {}))('.state-missing').length).toBe(0);
  });

  it('keeps typed values over stored ones after an error', async () => {
    const $ = cheerio.load(
      await (
        <BilingualField
          ctx={ctx('en')}
          name="n"
          label="Name"
          stored={localized('en', 'Stored')}
          values={{ en: 'Typed', es: '' }}
        />
      ),
    );
    expect($('input[name=n_en]').attr('value')).toBe('Typed');
  });

  it('renders the Markdown preview on the server and wires the live one to the preview endpoint', async () => {
    const $ = cheerio.load(await (<MarkdownField ctx={ctx('es')} name="body_es" label="Texto" value="*hola*" />));
    expect($('#f-body_es-preview').html()).toContain('<em>hola</em>');
    const area = $('textarea#f-body_es');
    expect(area.attr('hx-post')).toBe('/es/workspace/preview');
    expect(JSON.parse(area.attr('hx-vals')!)).toEqual({ previewField: 'body_es' });
  });
});

describe('the file upload form', () => {
  const upload = (problem?: string) =>
    cheerio.load(
      FileUploadForm({
        action: '/en/workspace/import',
        csrf: 'token',
        id: 'f-sheet',
        label: 'Spreadsheet',
        hint: 'Up to 50 MB',
        accept: '.csv,.xlsx',
        problem,
        submit: 'Check',
        children: <input type="hidden" name="extra" value="1" />,
      }) as string,
    );

  it('posts one labelled, hinted file as multipart, with the CSRF token before the file', () => {
    const $ = upload();
    const form = $('form[method="post"][action="/en/workspace/import"][enctype="multipart/form-data"]');
    expect(form).toHaveLength(1);
    expect(form.find('input').first().attr('name')).toBe('_csrf');
    const input = form.find('input#f-sheet[type=file][name=file][required]');
    expect(input.attr('accept')).toBe('.csv,.xlsx');
    expect($('label[for="f-sheet"]').text()).toBe('Spreadsheet');
    expect(input.attr('aria-describedby')).toBe('f-sheet-hint');
    expect($('#f-sheet-hint').text()).toBe('Up to 50 MB');
    expect(input.attr('aria-invalid')).toBeUndefined();
    expect(form.find('input[name=extra]')).toHaveLength(1);
    expect($('.error-summary')).toHaveLength(0);
  });

  it('after a refusal, says why at the top, linked to the field it marks invalid', () => {
    const $ = upload('The file is too large');
    expect($('.error-summary[role=alert] a[href="#f-sheet"]').text()).toBe('The file is too large');
    expect($('input#f-sheet').attr('aria-invalid')).toBe('true');
    expect($('input#f-sheet').parent().hasClass('field-invalid')).toBe(true);
  });
});

describe('the file field', () => {
  it('says why an upload was refused beside the field, tied to it before the hint', () => {
    const field = (error: string | null) =>
      cheerio.load(
        FileField({
          id: 'f-logo',
          name: 'logo',
          label: 'Logo file',
          hint: 'PNG',
          accept: 'image/png',
          error,
        }) as string,
      );
    const refused = field('Too large');
    const input = refused('input#f-logo[type=file][name=logo][required]');
    expect(input.attr('aria-describedby')).toBe('f-logo-error f-logo-hint');
    expect(input.attr('aria-invalid')).toBe('true');
    expect(refused('#f-logo-error[role=alert]').text()).toBe('Logo file: Too large');
    const fine = field(null);
    expect(fine('input#f-logo').attr('aria-describedby')).toBe('f-logo-hint');
    expect(fine('input#f-logo').attr('aria-invalid')).toBeUndefined();
    expect(fine('#f-logo-error')).toHaveLength(0);
  });
});

describe('mergeLocalized', () => {
  it('makes the first language typed the original and the other a translation of it', () => {
    const v = mergeLocalized({}, { en: '', es: 'Hola' });
    expect(v.es?.origin).toBe('original');
    const w = mergeLocalized(v, { en: 'Hello', es: 'Hola' });
    expect(w.en?.origin).toBe('translation');
    expect(translationState(w, 'en')).toBe('translation');
  });

  it('keeps an unchanged translation stale until the editor confirms it', () => {
    const start = localized('en', 'A', { es: 'A-es' });
    const changed = mergeLocalized(start, { en: 'B', es: 'A-es' });
    expect(translationState(changed, 'es')).toBe('stale');
    const confirmed = mergeLocalized(changed, { en: 'B', es: 'A-es' }, ['es']);
    expect(translationState(confirmed, 'es')).toBe('translation');
  });

  it('promotes the remaining language when the original is emptied, and drops empty ones', () => {
    const v = mergeLocalized(localized('en', 'A', { es: 'B' }), { en: '', es: 'B' });
    expect(v).toEqual({ es: { text: 'B', origin: 'original' } });
  });
});
