/**
 * The headline and its deck, on synthetic releases (see test/support/release-text.ts): Title Case and capitals,
 * bylines, letterheads, labels, addressees, quoted titles, titles wrapped over two lines and page chrome.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../../../test/support/release-text.js';
import { extractRelease } from './extract.js';

describe('headline', () => {
  it('is the Title Case line even when it holds an organization word, and its deck is the subheadline', () => {
    const r = read(`FOR IMMEDIATE RELEASE
June 3, 2021

Contact: Jane Roe, jane@example.org, (202) 555-0100

Coalition Calls on Congress to Protect Asylum Seekers
Forty groups say the new rule breaks the law

WASHINGTON, D.C. — A coalition of forty organizations today urged Congress to reject the rule that would close the border to people seeking protection.
`);
    expect(r.headline).toBe('Coalition Calls on Congress to Protect Asylum Seekers');
    expect(r.subheadline).toBe('Forty groups say the new rule breaks the law');
    expect(r.date).toBe('2021-06-03');
  });

  it('skips page chrome, a breadcrumb and a byline written one per line above the lead', () => {
    const r = read(`Skip to main content
Home » News » Press Releases
Groups Sue Over Border Wall Waivers
By Communications Staff
March 2, 2020
Share this

TUCSON, Ariz. — Conservation groups sued the administration today over waivers that let it ignore environmental laws along the border in Arizona.
`);
    expect(r.headline).toBe('Groups Sue Over Border Wall Waivers');
    expect(r.date).toBe('2020-03-02');
  });

  it('tells a byline ("Por Juan Pérez") from a title that starts with the same word', () => {
    const r = read(`Por una ley de protección justa para las defensoras
Por Juan Pérez
3 de junio de 2021

Ciudad de Guatemala — Las organizaciones firmantes exigimos al Congreso aprobar la ley de protección para las defensoras.
`);
    expect(r.headline).toBe('Por una ley de protección justa para las defensoras');
  });

  it('takes a headline in capitals that reads like a name over the deck under it', () => {
    const r = read(`STATEMENT

GROUPS DENOUNCE NEW ASYLUM BAN

The rule would shut the door on thousands of families at the border

June 3rd 2021

Washington — More than fifty human rights groups today denounced the new asylum ban announced by the administration.
`);
    expect(r.headline).toBe('GROUPS DENOUNCE NEW ASYLUM BAN');
  });

  it('keeps a letterhead out of the headline when a title follows it', () => {
    const r = read(`Red Nacional de Defensoras

Organizaciones exigen al Congreso aprobar la ley de protección a defensoras

Las organizaciones firmantes expresamos nuestra profunda preocupación por la falta de avances en la ley de protección para personas defensoras.
`);
    expect(r.headline).toBe('Organizaciones exigen al Congreso aprobar la ley de protección a defensoras');
  });

  it('treats labels, addressees and a title naming its genre as such', () => {
    const r = read(`A la opinión pública
A los medios de comunicación

PRONUNCIAMIENTO PÚBLICO

Ante la detención arbitraria de líderes comunitarios en Huehuetenango

Las organizaciones abajo firmantes manifestamos nuestro rechazo a la detención de tres líderes comunitarios ocurrida el pasado lunes en la cabecera departamental.

Huehuetenango, 12 de marzo de 2019.
`);
    expect(r.headline).toBe('Ante la detención arbitraria de líderes comunitarios en Huehuetenango');
    expect(r.date).toBe('2019-03-12');
    const titled = read(`MAS ADHESIONES AL COMUNICADO DE LA RED DE MIGRANTES

COMUNICADO DE PRENSA DE LA RED DE MIGRANTES DEL SUR

Las organizaciones que conformamos la Red de Migrantes del Sur informamos a la opinión pública que no participaremos en la marcha convocada para el domingo.
`);
    expect(titled.headline).toBe('COMUNICADO DE PRENSA DE LA RED DE MIGRANTES DEL SUR');
  });

  it('may open with a quotation, and the page’s date may sit beside its section', () => {
    const r = read(`“We Will Not Be Silenced”: Groups Respond to Attacks on Journalists

June 3, 2021 | Press Releases

WASHINGTON — Press freedom groups today condemned the attacks on journalists covering the protests at the border.
`);
    expect(r.headline).toBe('“We Will Not Be Silenced”: Groups Respond to Attacks on Journalists');
    expect(r.date).toBe('2021-06-03');
    expect(
      read(`«No nos callarán»: organizaciones denuncian ataques contra periodistas en Honduras

Tegucigalpa, 3 de junio de 2021.- Las organizaciones firmantes denunciamos el aumento de ataques contra periodistas en el país.
`).headline,
    ).toBe('«No nos callarán»: organizaciones denuncian ataques contra periodistas en Honduras');
  });

  it('is none for a letter that opens with its date and address', () => {
    const r = read(`June 3, 2021

The Honorable Alejandro Mayorkas
Secretary of Homeland Security
Washington, DC 20528

Dear Secretary Mayorkas:

We, the undersigned 120 organizations, write to urge you to end the use of immigration detention for families and children.
`);
    expect(r.headline).toBeNull();
    expect(r.date).toBe('2021-06-03');
  });
});

describe('headlines as pages and Latin American releases write them', () => {
  it('takes a one-sentence title closed by a full stop above a longer first paragraph', () => {
    const r = read(`Guatemala, 3 de junio de 2021

Organizaciones exigen al Congreso archivar la iniciativa 5257 que criminaliza a las ONG.

Las organizaciones de sociedad civil abajo firmantes expresamos nuestro rechazo a la iniciativa de ley 5257 aprobada en tercera lectura por el Congreso de la República.
`);
    expect(r.headline).toBe('Organizaciones exigen al Congreso archivar la iniciativa 5257 que criminaliza a las ONG.');
    expect([r.date, r.dateline_place]).toEqual(['2021-06-03', 'Guatemala']);
    // Such a title may be the lead's first sentence: the dry run asks the editor to confirm it.
    expect(
      extractRelease(`Organizaciones exigen al Congreso archivar la iniciativa 5257 que criminaliza a las ONG.

Las organizaciones de sociedad civil abajo firmantes expresamos nuestro rechazo a la iniciativa de ley 5257 aprobada en tercera lectura por el Congreso de la República.
`).recognition.find((f) => f.field === 'headline')?.unsure,
    ).toBe(true);
    // A short lead that speaks for the signers is still the lead.
    expect(
      read(`June 3, 2021

Today, sixty organizations sent a letter to Congress.

The letter urges members to oppose any bill that would end protections for children who arrive alone at the border and ask for asylum in this country.
`).headline,
    ).toBeNull();
  });

  it('drops a page’s site name after the title, and a section word in capitals is no organization', () => {
    const r = read(`IMMIGRATION

Groups sue to stop border wall in Texas refuge – Center for Biological Diversity

BROWNSVILLE, Texas — Conservation groups filed a lawsuit today to stop construction of the border wall through the Santa Ana National Wildlife Refuge.
`);
    expect(r.headline).toBe('Groups sue to stop border wall in Texas refuge');
    expect(r.organizations).toEqual([]);
  });

  it('takes the title under a letterhead, a label, a release line and a place and date', () => {
    const r = read(`Alianza Américas
Comunicado de prensa
Para publicación inmediata
Chicago, 3 de junio de 2021

Líderes migrantes piden al Congreso una vía a la ciudadanía

Alianza Américas, red de organizaciones de migrantes latinoamericanos en Estados Unidos, pidió hoy al Congreso aprobar una vía a la ciudadanía para millones de personas.
`);
    expect(r.headline).toBe('Líderes migrantes piden al Congreso una vía a la ciudadanía');
    expect([r.date, r.dateline_place, r.release_line]).toEqual(['2021-06-03', 'Chicago', 'FOR IMMEDIATE RELEASE']);
    expect(r.organizations).toEqual(['Alianza Américas']);
  });
});

describe('titles wrapped, decks and page chrome', () => {
  it('reads a title in capitals wrapped mid-phrase as one title, not a letterhead over half a title', () => {
    const r = read(`COMUNICADO DE PRENSA

ORGANIZACIONES DENUNCIAN DESALOJO VIOLENTO
DE COMUNIDAD Q'EQCHI' EN EL ESTOR
Más de cien familias quedaron sin vivienda tras el operativo policial

Guatemala, 12 de agosto de 2022. Las organizaciones abajo firmantes denunciamos el desalojo violento de la comunidad Q'eqchi' de Chinebal ocurrido ayer.
`);
    expect(r.headline).toBe("ORGANIZACIONES DENUNCIAN DESALOJO VIOLENTO DE COMUNIDAD Q'EQCHI' EN EL ESTOR");
    expect(r.subheadline).toBe('Más de cien familias quedaron sin vivienda tras el operativo policial');
    expect(r.organizations).toEqual([]);
  });

  it('keeps a Title Case deck longer than the title out of the title: a hard wrap never makes a longer line', () => {
    const r = read(`FOR IMMEDIATE RELEASE: March 4, 2024

Housing Groups Offer Concrete Plans for Shelter Crisis
Six Tenant Unions From Three States Explain How Cities Can House New Arrivals

CHICAGO, IL — Six tenant unions today presented plans for cities that receive new arrivals this winter.
`);
    expect(r.headline).toBe('Housing Groups Offer Concrete Plans for Shelter Crisis');
    expect(r.subheadline).toBe('Six Tenant Unions From Three States Explain How Cities Can House New Arrivals');
  });

  it('skips a page’s tags under the title, and keeps the agency a release criticises out of its issuers', () => {
    const r = read(`Statement from Church World Service on the Refugee Admissions Cap

Tags: Refugees, Resettlement, Policy

September 30, 2022

NEW YORK — Church World Service today expressed its deep disappointment with the refugee admissions goal announced by the administration.
`);
    expect(r.headline).toBe('Statement from Church World Service on the Refugee Admissions Cap');
    expect(r.subheadline).toBeNull();
    expect(r.date).toBe('2022-09-30');
    const site = read(`Friends of the Earth
Home / News / Press releases

Groups Slam EPA Decision to Delay Methane Rule

Published on March 3, 2022
Share on Facebook | Share on Twitter

WASHINGTON — Environmental groups today criticized the Environmental Protection Agency for delaying a rule to cut methane pollution from oil and gas wells.
`);
    expect(site.headline).toBe('Groups Slam EPA Decision to Delay Methane Rule');
    expect(site.organizations).toEqual(['Friends of the Earth']);
  });

  it('takes a row of social-network links above the title for page chrome, not the title', () => {
    const r = read(`Síguenos en Instagram Facebook X TikTok
Pronunciamientos

Colectivos campesinos rechazamos la reforma a la ley de aguas porque privatiza los ríos del país

Nosotras y nosotros, integrantes de colectivos campesinos de todo el país, rechazamos la reforma aprobada ayer por el Congreso.
`);
    expect(r.headline).toBe(
      'Colectivos campesinos rechazamos la reforma a la ley de aguas porque privatiza los ríos del país',
    );
  });
});
