import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractRelease, isImportedRelease } from '../release-text/index.js';
import { readSource } from './read-source.js';
import { normalizeForScore, prf, scoreRelease, total } from './score.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
const extract = async (name: string) => extractRelease(await readSource(fixture(name), name)).release;

describe('importer on shapes the development corpus does not have', () => {
  it('reads an embargoed English release with a flattened header, a numbered ask list, -30- and "About" headings', async () => {
    const r = await extract('embargoed-en.md');
    expect(isImportedRelease(r)).toBe(true);
    expect(r).toMatchObject({
      headline: 'River Communities Ask Congress for Clean Water Funding',
      subheadline: 'Twelve groups from four states present a shared agenda',
      date: '2025-03-04',
      dateline_place: 'DENVER',
      release_line: 'EMBARGOED UNTIL 10:00 a.m. EST, March 4, 2025',
      contacts: [{ name: 'Dana Whitfield', phone: '+1 (202) 555-0143', email: 'dana@riverwatch-alliance.org' }],
      organizations: ['River Watch Alliance', 'Mountain States Water Council', 'Friends of the Platte Basin'],
      end_mark: '-30-',
      language: 'en',
    });
    expect(r.quotes.map((q) => [q.speaker, q.role_or_org])).toEqual([
      ['Ana Beltrán', 'executive director of the River Watch Alliance'],
      ['Tomás Greer', null],
    ]);
    expect(r.quotes[0]?.text).toBe(
      'Every family deserves water they can drink without fear. Congress has the tools to make that true this year.',
    );
    expect(r.recommendations).toHaveLength(3);
    expect(r.boilerplates.map((b) => [b.organization, b.website])).toEqual([
      ['River Watch Alliance', 'https://www.riverwatch-alliance.org'],
      ['Mountain States Water Council', 'www.mswc.org'],
    ]);
  });

  it('reads Spanish labels: Para difusión inmediata, CONTACTO, dijo, Acerca de', async () => {
    const r = await extract('difusion-es.md');
    expect(r).toMatchObject({
      release_line: 'FOR IMMEDIATE RELEASE',
      date: '2024-05-12',
      dateline_place: 'Ciudad de Guatemala',
      contacts: [{ name: 'Lucía Pérez', phone: '+502 5555 1234', email: 'lucia@redsolidaria.org.gt' }],
      organizations: ['Red Solidaria de Mujeres', 'Asociación Tierra Viva', 'Colectivo Voces del Sur'],
      quotes: [{ speaker: 'Marta Xol', role_or_org: 'coordinadora de la Red Solidaria de Mujeres' }],
      recommendations: [
        'Aprobar la ley de protección de personas defensoras.',
        'Investigar los ataques denunciados desde 2022.',
      ],
      boilerplates: [{ organization: 'Red Solidaria de Mujeres', website: 'www.redsolidaria.org.gt' }],
      end_mark: '###',
      language: 'es',
    });
  });

  it('survives CRLF, non-breaking spaces and a Cloudflare-hidden e-mail (null, not "[email protected]")', async () => {
    const r = await extract('crlf-hidden-email.txt');
    expect(r).toMatchObject({
      headline: 'Coalition Welcomes New Shelter Rules',
      release_line: 'FOR IMMEDIATE RELEASE',
      dateline_place: 'SAN FRANCISCO',
      contacts: [{ name: 'Sam Ortiz', phone: '(415) 555-0199', email: null }],
      organizations: ['Bay Shelter Coalition'],
    });
  });

  it('reads a wire-style release: contact facts on separate lines, a date in parentheses, a surname-only follow-up quote', async () => {
    const r = await extract('wire-style.md');
    expect(r).toMatchObject({
      headline: "Workers' Groups Demand Heat Protections Before Summer",
      date: '2024-05-02',
      dateline_place: 'NEW YORK, NY',
      release_line: 'FOR IMMEDIATE RELEASE',
      contacts: [{ name: 'Jordan Lee', phone: '(212) 555-0182', email: 'jordan.lee@fairlabor-network.org' }],
      organizations: ['Fair Labor Network', 'Migrant Workers Union', 'Harvest Justice Project'],
      recommendations: ['Set a maximum heat index for outdoor work.', 'Require paid rest breaks in the shade.'],
      boilerplates: [{ organization: 'Fair Labor Network', website: 'fairlabor-network.org' }],
      end_mark: '###',
    });
    expect(r.quotes.map((q) => [q.speaker, q.role_or_org, q.text])).toEqual([
      ['Maria Lopez', 'president of the Migrant Workers Union', 'No one should die for a paycheck'],
      ['Maria Lopez', 'president of the Migrant Workers Union', 'We have the data. Now we need the law.'],
    ]);
  });

  it('finds press contacts given after the end mark, and drops a courtesy title from the speaker', async () => {
    const r = await extract('contacts-at-end.txt');
    expect(r.contacts).toEqual([
      { name: 'Priya Natarajan', phone: '202-555-0117', email: 'priya@interfaithrefugee.org', organization: null },
    ]);
    expect(r.quotes.map((q) => [q.speaker, q.role_or_org])).toEqual([
      ['Thomas Grant', 'chair of the Interfaith Refugee Council'],
    ]);
    expect(r.organizations).toEqual(['Interfaith Refugee Council']);
  });

  it('gives the same release from HTML and from DOCX as from Markdown', async () => {
    const markdown = fixture('difusion-es.md').toString('utf8');
    const paragraphs = markdown.split('\n').filter((l) => l.trim() !== '');
    const html = `<html><head><title>x</title><style>p{}</style></head><body>${paragraphs
      .map((p) => (p.startsWith('- ') ? `<ul><li>${p.slice(2)}</li></ul>` : `<p>${p.replace(/&/g, '&amp;')}</p>`))
      .join('\n')}</body></html>`;
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: paragraphs.map(
              (p) => new Paragraph({ children: [new TextRun(p.startsWith('- ') ? `- ${p.slice(2)}` : p)] }),
            ),
          },
        ],
      }),
    );
    const fromMd = await extract('difusion-es.md');
    const fromHtml = extractRelease(await readSource(Buffer.from(html), 'release.html')).release;
    const fromDocx = extractRelease(await readSource(docx, 'release.docx')).release;
    expect(fromHtml).toEqual(fromMd);
    expect(fromDocx).toEqual(fromMd);
  });
});

describe('importer on genre shapes: signatory blocks, acronyms, wrapped titles, ".-" datelines', () => {
  it('reads signatories grouped under headings and run together in a paragraph, each organization once', () => {
    const text = [
      'Redes de Apoyo Rechazan el Desalojo',
      'De las Familias Campesinas del Valle',
      '',
      'Valle Verde, 4 de marzo de 2019.- Las organizaciones abajo firmantes, reunidas en la Red de Apoyo Mutuo (RAM), rechazamos el desalojo anunciado por la alcaldía y pedimos que se abra una mesa de diálogo con las familias afectadas.',
      '',
      'La RAM acompaña a las familias desde hace diez años.',
      '',
      'En el Valle:',
      '',
      'Casa Amiga del Valle',
      '',
      'Casa de la Mujer Campesina, Valle Verde',
      '',
      'Asociación de Productores del Río',
      '',
      'Desde la capital:',
      '',
      'Federación de Cooperativas del Sur, con las Asociaciones de Pescadores en Punta Roca, Isla Larga y Bahía Honda, La Asociación de Maestras Rurales.',
    ].join('\n');
    const r = extractRelease(text).release;
    expect(r.headline).toBe('Redes de Apoyo Rechazan el Desalojo De las Familias Campesinas del Valle');
    expect(r.subheadline).toBeNull();
    expect(r.date).toBe('2019-03-04');
    expect(r.dateline_place).toBe('Valle Verde');
    // Each once, the place after a signer dropped, "Lanzarote y Fuerteventura"-style place lists kept whole.
    expect([...r.organizations].sort()).toEqual([
      'Asociaciones de Pescadores en Punta Roca, Isla Larga y Bahía Honda',
      'Asociación de Maestras Rurales',
      'Asociación de Productores del Río',
      'Casa Amiga del Valle',
      'Casa de la Mujer Campesina',
      'Federación de Cooperativas del Sur',
      'Red de Apoyo Mutuo',
    ]);
  });

  it('does not take a list of places or an acronym defined after lower-case words for organizations', () => {
    const text = [
      'Groups Publish Report on River Pollution',
      '',
      'GENEVA — The River Defense Network (RDN) publishes today its report on per- and polyfluoroalkyl substances (PFAS) in drinking water across the region.',
      '',
      'Regional presentations will follow in Tunisia, Nepal, Burundi, Senegal and Peru.',
    ].join('\n');
    expect(extractRelease(text).release.organizations).toEqual(['River Defense Network']);
  });
});

describe('importer on genre shapes: who issues the release and whom to call', () => {
  const lead = (first: string, ...rest: string[]) =>
    extractRelease(['Coalition Marks a Day of Action Across the Country', '', first, '', ...rest].join('\n')).release;

  it('reads a lead list whose last piece holds two names, and the first name after "including the"', () => {
    const r = lead(
      'Springfield, IL — Today, River Watch Network, Tenant Action, Friends Service Committee, United We Rise and the We Stay Home Campaign coordinated a national day of action with twenty events across the country, hosted by local partners and supported by members of Congress.',
    );
    expect(r.organizations).toEqual([
      'River Watch Network',
      'Tenant Action',
      'Friends Service Committee',
      'United We Rise',
      'We Stay Home Campaign',
    ]);
    const advisory = lead(
      'What: Diverse civil groups and organizations, including the Muslim Association of Springfield, the Lawyers Association of Illinois, Interfaith Alliance Springfield, and the Civil Liberties Union of Illinois, have prepared a joint statement opposing the new executive orders on immigration and refugees.',
    );
    expect(advisory.organizations).toEqual([
      'Muslim Association of Springfield',
      'Lawyers Association of Illinois',
      'Interfaith Alliance Springfield',
      'Civil Liberties Union of Illinois',
    ]);
  });

  it('takes the lead’s subject, not the authority it addresses, a noun’s acronym or a role', () => {
    const r = lead(
      'QUEEN VALLEY, AZ — The Desert Stronghold and allies will deliver public comments Tuesday opposing the copper mine and the toxic PFAS it would release, before a public hearing hosted by the U.S. Forest Service, said Water Union International President Ana Ruiz.',
    );
    expect(r.organizations).toEqual(['Desert Stronghold', 'Water Union']);
    const es = lead(
      'HOY, 30 DE MARZO, la Secretaria confederal de Mujeres e Igualdad de CSTR, Elena Ruiz, reclama que se equiparen los derechos de las trabajadoras del hogar y que se eliminen los químicos PFAS del agua.',
    );
    expect(es.organizations).toEqual(['CSTR']);
  });

  it('reads who signs: the sentence that introduces the signers, a "Convocan:" heading, one organization after a closing', () => {
    const text = [
      'Comunicado de la Coordinadora',
      '',
      'Las asociaciones abajo firmantes, que conformamos la Coordinadora de Asociaciones Vecinales del Norte,',
      '',
      'Informamos a la opinión pública que no participaremos en la marcha convocada para el próximo domingo por grupos políticos locales, porque no representa a las asociaciones vecinales.',
      '',
      'Convocan:',
      'Movimiento Vecinal del Norte y Caravana de Madres que buscan a sus hijos',
      '',
      'FRATERNALMENTE',
      '',
      'Presos Políticos de La Voz del Norte',
    ].join('\n');
    expect([...extractRelease(text).release.organizations].sort()).toEqual([
      'Caravana de Madres que buscan a sus hijos',
      'Coordinadora de Asociaciones Vecinales del Norte',
      'Movimiento Vecinal del Norte',
      'Presos Políticos de La Voz del Norte',
    ]);
  });

  it('reads two contacts on one line, an organization by its place, extensions and contact sentences', () => {
    const r = extractRelease(
      [
        'Groups Rally for Workers',
        '',
        'Contact: Jenny Park, River Watch Network, media@riverwatch.org and Ana Ruiz, United We Rise, ana@wewrise.org',
        'Carl Stone, San Pedro Apache Tribe, (928) 200-7762, carl@example.org',
        'Kim Lee, Executive Director (416) 588-6288 (ext. 202)',
        '',
        'CHICAGO — River Watch Network and United We Rise held rallies in twelve cities on Tuesday to demand protection for immigrant workers who report unsafe conditions to the authorities.',
        '',
        'Para mayores informes comunicarse con Francisco Trejo a Cencos a los tels. 55336475 / 76,',
      ].join('\n'),
    ).release;
    const advisory = extractRelease(
      [
        'MEDIA ADVISORY',
        '',
        'Workers March on May Day',
        '',
        '24 04 2009',
        '',
        'RSVP: Mario Gil, mgil@example.org, 240-271-9942',
        '',
        'NEW YORK — Workers and their families will march on May 1 to demand legalization and an end to raids, in a march called by more than twenty organizations of the city.',
      ].join('\n'),
    ).release;
    // The numeric date is no phone and no title; the RSVP line is the contact.
    expect(advisory.headline).toBe('Workers March on May Day');
    expect(advisory.contacts).toEqual([
      { name: 'Mario Gil', phone: '240-271-9942', email: 'mgil@example.org', organization: null },
    ]);
    expect(
      extractRelease(
        'Groups Rally\n\nCHICAGO — Groups rallied in twelve cities on Tuesday to demand protection for immigrant workers who report unsafe conditions to the authorities.\n\nPara mayores informes comunicarse con Francisco Trejo a Cencos a los tels. 55336475 / 76,',
      ).release.contacts,
    ).toEqual([{ name: 'Francisco Trejo', phone: '55336475 / 76', email: null, organization: 'Cencos' }]);
    expect(r.contacts).toEqual([
      { name: 'Jenny Park', phone: null, email: 'media@riverwatch.org', organization: 'River Watch Network' },
      { name: 'Ana Ruiz', phone: null, email: 'ana@wewrise.org', organization: 'United We Rise' },
      {
        name: 'Carl Stone',
        phone: '(928) 200-7762',
        email: 'carl@example.org',
        organization: 'San Pedro Apache Tribe',
      },
      { name: 'Kim Lee', phone: '(416) 588-6288 (ext. 202)', email: null, organization: null },
    ]);
  });
});

describe('importer on hostile DOCX', () => {
  it('stops mammoth at the worker’s heap limit (15 MB of one-letter paragraphs, 55 KB zipped) and says so', {
    timeout: 60_000,
  }, async () => {
    const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [] }] })));
    const paragraph = '<w:p><w:r><w:t>a</w:t></w:r></w:p>';
    const body = paragraph.repeat(Math.floor((15 * 1024 * 1024) / paragraph.length));
    zip.file(
      'word/document.xml',
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    );
    const heavy = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Under the importer's 16 MB unpacked budget: only the worker's memory limit can stop it.
    await expect(readSource(heavy, 'heavy.docx')).rejects.toMatchObject({ problem: 'too-complex' });
  });
});

describe('scoring', () => {
  it('counts hits, misses and wrong claims per field, and nothing for agreeing nulls', () => {
    const release = extractRelease(
      'FOR IMMEDIATE RELEASE\n\nA Headline Here\n\nPARIS — The Water Council met.',
    ).release;
    const counts = scoreRelease(release, {
      headline: 'A headline here',
      release_line: 'FOR IMMEDIATE RELEASE',
      dateline_place: 'Lyon',
      date: null,
      organizations: ['Water Council', 'Other Group'],
    });
    expect(counts.headline).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts.dateline_place).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(counts.date).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(counts.organizations).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(prf(total(counts)).precision).toBeCloseTo(3 / 4);
  });

  it('compares names without accents, case, a leading "the" or an acronym in parentheses', () => {
    expect(normalizeForScore('The Center for Justice (CEJIL)')).toBe(normalizeForScore('center for justice'));
    expect(normalizeForScore('Alianza Américas')).toBe(normalizeForScore('Alianza Americas'));
  });
});
