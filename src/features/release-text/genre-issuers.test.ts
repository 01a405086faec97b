/**
 * The organizations that issue a release, on synthetic releases (see test/support/release-text.ts): the lead's
 * subject, lists of names, letters and statements signed one organization per line, compilations of
 * statements, the "About" paragraph, and what is not an issuer.
 */
import { describe, expect, it } from 'vitest';
import { read, sortedOrganizations } from '../../../test/support/release-text.js';

describe('issuers', () => {
  it('takes the lead’s subject "accompanied by" another group as an issuer, with the companion', () => {
    const r = read(`AVISO DE PRENSA

Madres de migrantes desaparecidos llegan a la Ciudad de México

Ciudad de México, 14 de noviembre de 2022.- La Caravana de Madres Centroamericanas, acompañada por el Movimiento Migrante Mesoamericano (M3), llegará este martes a la capital para exigir la búsqueda de sus hijos e hijas.

Contacto de prensa:
Laura Hernández
Tel. 55 1234 5678
prensa@movimientomigrante.org
`);
    expect(r.headline).toBe('Madres de migrantes desaparecidos llegan a la Ciudad de México');
    expect([r.date, r.dateline_place]).toEqual(['2022-11-14', 'Ciudad de México']);
    expect(r.organizations).toEqual(['Caravana de Madres Centroamericanas', 'Movimiento Migrante Mesoamericano']);
    expect(r.contacts[0]).toMatchObject({ name: 'Laura Hernández', email: 'prensa@movimientomigrante.org' });
  });

  it('splits "A, B and the C" when both last names carry an organization word', () => {
    const r = read(`Groups Welcome Court Ruling on Asylum

SAN FRANCISCO, Calif. — The American Civil Liberties Union, the Center for Gender & Refugee Studies and the National Center for Youth Law today welcomed the ruling of the Ninth Circuit.

"The court has confirmed what we have said all along," said Lee Gelernt, deputy director of the ACLU's Immigrants' Rights Project.

"Asylum seekers deserve a fair hearing," said Karen Musalo, director of the Center for Gender & Refugee Studies.

Neha Desai, senior director at the National Center for Youth Law, added: "Children cannot wait in danger."
`);
    expect(r.organizations).toEqual([
      'American Civil Liberties Union',
      'Center for Gender & Refugee Studies',
      'National Center for Youth Law',
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Lee Gelernt', 'Karen Musalo', 'Neha Desai']);
    // One name that joins two nouns with "and" stays whole.
    expect(
      read(
        'Groups Sue\n\nWASHINGTON — The Center for Justice and Accountability today filed suit on behalf of survivors of torture in federal court.\n',
      ).organizations,
    ).toEqual(['Center for Justice and Accountability']);
  });

  it('falls back on the "About" paragraph when the text names its issuer nowhere else', () => {
    const r = read(`FOR IMMEDIATE RELEASE
March 4, 2022

Contact: Tom Hale, tom@riverkeepers.org

New Report Finds Toxic Chemicals in Three Rivers

DENVER, Colo. — A new report released today finds dangerous levels of industrial chemicals in three rivers that supply drinking water to more than two million people.

About Colorado Riverkeepers
Colorado Riverkeepers is a nonprofit that protects the rivers of Colorado through science, advocacy and the courts. Learn more at www.riverkeepers.org.

###
`);
    expect(r.organizations).toEqual(['Colorado Riverkeepers']);
    expect(r.boilerplates.map((b) => [b.organization, b.website])).toEqual([
      ['Colorado Riverkeepers', 'www.riverkeepers.org'],
    ]);
  });

  it('takes no region list for organizations because one region is called "Centro"', () => {
    const r = read(`Red Jornalera convoca a un foro sobre salarios del campo

Red Jornalera, fiel a su misión de acompañar a las familias del Occidente, Centro y Oriente, ha convocado a un foro con jornaleras y economistas para discutir los salarios del campo.
`);
    expect(r.organizations).toEqual(['Red Jornalera']);
  });

  it('takes a subject with no article after "Today," for the issuer, but not a person who did the same', () => {
    const r = read(`Statement on the Court’s Asylum Ruling

June 3, 2021 — Today, Border Rights Watch responded to the appeals court ruling that lets the government keep turning away people who ask for asylum at ports of entry.
`);
    expect(r.organizations).toEqual(['Border Rights Watch']);
    const es = read(`Declaración sobre el fallo de la Corte

3 de junio de 2021 — Hoy, Tierra Digna respondió al fallo de la Corte que permite la minería sin consulta previa en territorios indígenas, donde ninguna tierra es digna de la minería.
`);
    expect(es.organizations).toEqual(['Tierra Digna']);
    const person = read(`Statement on the Court’s Asylum Ruling

June 3, 2021 — Today, Maria Delgado responded to the appeals court ruling that lets the government keep turning away people who ask for asylum.
`);
    expect(person.organizations).toEqual([]);
  });
});

describe('the lead’s subject as a list of names', () => {
  it('takes names without an organization word when the list is the sentence’s subject', () => {
    expect(
      read(`Groups Launch Week of Action

OAKLAND, Calif. — Freedom for Immigrants, Mijente and Detention Watch Network today launched a week of action across California, joining partners in Los Angeles, San Diego and Sacramento.
`).organizations,
    ).toEqual(['Freedom for Immigrants', 'Mijente', 'Detention Watch Network']);
    expect(
      read(`Advocates Welcome DACA Ruling

HOUSTON — United We Dream and the Texas Civil Rights Project welcomed the ruling on Deferred Action for Childhood Arrivals (DACA) by the Fifth Circuit Court of Appeals on Wednesday.
`).organizations,
    ).toEqual(['United We Dream', 'Texas Civil Rights Project']);
  });

  it('takes no people, places, programs, laws or newspapers for issuers', () => {
    expect(
      read(`Groups Urge Redesignation of TPS for Honduras

WASHINGTON — The Honduran Solidarity Network today urged the Department of Homeland Security to redesignate Temporary Protected Status (TPS) for Honduras, as reported by The New York Times, under the Immigration and Nationality Act.
`).organizations,
    ).toEqual(['Honduran Solidarity Network']);
    expect(
      read(`Rally for Families

DENVER — Jane Doe, John Smith and Ana Ruiz will speak at the rally on Saturday in front of the State Capitol to demand the release of detained parents.
`).organizations,
    ).toEqual([]);
  });
});

describe('signers one per line', () => {
  it('reads a letter’s long list of signers one per line, and acronyms in parentheses once', () => {
    const letter = read(`June 3, 2021

The Honorable Alejandro Mayorkas
Secretary of Homeland Security
Washington, DC 20528

Dear Secretary Mayorkas:

We, the undersigned 8 organizations, write to urge you to end the use of immigration detention for families and children. Detention harms children and families, and alternatives exist that work.

Sincerely,

American Friends Service Committee
Church World Service
Detention Watch Network
Freedom for Immigrants
Kids in Need of Defense (KIND)
National Immigrant Justice Center
Refugees International
Women's Refugee Commission
`);
    expect(letter.headline).toBeNull();
    expect(letter.organizations).toHaveLength(8);
    expect(letter.organizations).toContain('Kids in Need of Defense');
    const acronyms = read(`Organizaciones exigen liberar a defensores detenidos en Honduras

Tegucigalpa, 5 de mayo de 2023.- El Comité de Familiares de Detenidos Desaparecidos en Honduras (COFADEH), el Centro de Estudios para la Democracia (CESPAD) y la Red Nacional de Defensoras de Derechos Humanos exigimos la liberación inmediata de los ocho defensores del agua detenidos el pasado lunes.

"La criminalización de quienes defienden el agua es una política de Estado", afirmó Bertha Oliva, coordinadora del COFADEH.
`);
    expect(acronyms.organizations).toEqual([
      'Comité de Familiares de Detenidos Desaparecidos en Honduras',
      'Centro de Estudios para la Democracia',
      'Red Nacional de Defensoras de Derechos Humanos',
    ]);
  });

  it('drops the country after a dash, keeps places a comma list puts inside one name', () => {
    expect(
      sortedOrganizations(`Pronunciamiento ante la criminalización de defensoras en El Salvador

San Salvador, 3 de junio de 2021.- Las organizaciones abajo firmantes expresamos nuestra preocupación por la detención de cinco defensoras ambientales en Cabañas.

Exigimos su liberación inmediata y el cese de la persecución.

Firman:
Asociación de Desarrollo Económico Social Santa Marta (ADES) – El Salvador
Red Nacional de Defensoras de Derechos Humanos – Honduras
Colectiva Feminista para el Desarrollo Local
Movimiento de Mujeres Mélida Anaya Montes (Las Mélidas)
`),
    ).toEqual([
      'Asociación de Desarrollo Económico Social Santa Marta',
      'Colectiva Feminista para el Desarrollo Local',
      'Movimiento de Mujeres Mélida Anaya Montes (Las Mélidas)',
      'Red Nacional de Defensoras de Derechos Humanos',
    ]);
  });
});

describe('compilations of statements', () => {
  it('reads a numbered list of statements under its heading: no heading, no count tail, no trailing "Groups"', () => {
    expect(
      sortedOrganizations(`12 MAR 2023

Labor and Faith Groups Urge the House to Pass the Dignity Act

WASHINGTON, DC – This week, dozens of unions and congregations called on the House to pass the Dignity Act before the recess. Read the statements from each group below:

Member Statements Ask the House to Pass the Dignity Act This Week

  1. Farmworker Justice Network (FJN)

  2. Domestic Workers Alliance and 12 other Labor Unions

  3. Catholic Mobilizing Council Partners (CMC)

  4. Coalition for Humane Wages

Farmworker Justice Network

Farmworker Justice Network Calls on the House to Pass the Dignity Act Now

WASHINGTON DC - Farmworker Justice Network today asked every member of the House to vote for the bill.
`),
    ).toEqual([
      'Catholic Mobilizing Council',
      'Coalition for Humane Wages',
      'Domestic Workers Alliance',
      'Farmworker Justice Network',
    ]);
  });
});
