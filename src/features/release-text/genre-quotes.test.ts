/**
 * Quotes and who said them, on synthetic releases (see test/support/release-text.ts): the speaker before or after
 * the quote, the post before or after the name, Spanish introductions, titles, labels and prepositions.
 */
import { describe, expect, it } from 'vitest';
import { read, speakers } from '../../../test/support/release-text.js';

describe('quotes', () => {
  it('reads a numbered label, a dash attribution and a verb followed by where it was said', () => {
    const text = `Comunicado No. 15-2021

Organizaciones rechazan la reforma migratoria

Tegucigalpa. Las organizaciones de la sociedad civil rechazamos la reforma aprobada ayer por el Congreso Nacional sin consulta.

La coordinadora de la red, Ana Gómez, dijo en conferencia de prensa: “La reforma viola los tratados internacionales firmados por el país”.

“Seguiremos en las calles hasta que se derogue esta ley injusta” — Pedro Ruiz, director de la Pastoral de Movilidad Humana.
`;
    expect(read(text).headline).toBe('Organizaciones rechazan la reforma migratoria');
    expect(speakers(text)).toEqual([
      ['Ana Gómez', 'coordinadora de la red'],
      ['Pedro Ruiz', 'director de la Pastoral de Movilidad Humana'],
    ]);
    expect(
      speakers(
        'Groups Rally\n\nBOSTON — Groups rallied today at the State House to demand a moratorium on deportations.\n\nJane Doe said in a statement: “No one should be deported into danger during a pandemic.”\n',
      ),
    ).toEqual([['Jane Doe', null]]);
  });

  it('finds the speaker before or after the quote, with the post before or after the name', () => {
    expect(
      speakers(`Coalition Responds to the Ruling

WASHINGTON — A coalition of forty organizations today responded to the ruling of the court on the asylum rule.

Jane Doe, director of the Border Project, said: “This rule is cruel and it is unlawful under our own statutes.”

In response, SEIU International President Mary Kay Henry issued the following statement:

“We thank the court for protecting workers and families across the country today.”

According to Ana López, president of Voces Unidas, “this ban will not survive a court challenge.”

The group's policy counsel, Mark Brown, warned: “Courts have struck down this same policy twice before now.”

Silky Shah, Executive Director of Detention Watch Network, said, “This is a long overdue step, and it must be the first.”
`),
    ).toEqual([
      ['Jane Doe', 'director of the Border Project'],
      ['Mary Kay Henry', 'SEIU International President'],
      ['Ana López', 'president of Voces Unidas'],
      ['Mark Brown', "group's policy counsel"],
      ['Silky Shah', 'Executive Director of Detention Watch Network'],
    ]);
  });

  it('reads Spanish introductions in the present and imperfect, and repeats a known speaker’s role', () => {
    expect(
      speakers(`Organizaciones exigen protección para defensoras

Ciudad de Guatemala, 3 de junio de 2021 — Las organizaciones firmantes expresamos nuestra preocupación por la falta de avances en la ley.

En el día de hoy, la Secretaria de Mujeres de la Confederación, Elena Ruiz Gómez reclama: “Es urgente aprobar la ley de protección para todas las defensoras del país”.

La directora de la Unidad de Protección, María Pérez, afirmó: “No podemos esperar más, cada semana una defensora es atacada”.

Hace unos días, Elena Ruiz Gómez manifestaba: “Son tiempos de esfuerzo colectivo y de solidaridad con todas las defensoras”.

“El Estado tiene la obligación de proteger a quienes defienden derechos”, sostuvo el coordinador de la Red de Defensores, Juan Gómez.
`),
    ).toEqual([
      ['Elena Ruiz Gómez', 'Secretaria de Mujeres de la Confederación'],
      ['María Pérez', 'directora de la Unidad de Protección'],
      ['Elena Ruiz Gómez', 'Secretaria de Mujeres de la Confederación'],
      ['Juan Gómez', 'coordinador de la Red de Defensores'],
    ]);
  });
});

describe('speakers with titles, labels and prepositions', () => {
  it('reads a title before the name with the body after it, a "Quote from" label and a dash line', () => {
    const text = `Groups Condemn Expansion of Family Detention

EL PASO, Texas — Faith and human rights groups today condemned the reopening of family detention centers.

"Locking up children is never the answer," said Bishop Mark Seitz of the Diocese of El Paso.

"We have seen the harm detention does to families," said Dr. Ana Ruiz of the Border Project.

"This policy failed before and it will fail again." — Jane Doe, Executive Director, Women's Refugee Commission

Quote from Maria Chen, Policy Counsel, Kids in Need of Defense:
"Children belong in schools and homes, not in prisons."
`;
    expect(speakers(text)).toEqual([
      ['Mark Seitz', 'Bishop of the Diocese of El Paso'],
      ['Ana Ruiz', 'Border Project'],
      ['Jane Doe', "Executive Director, Women's Refugee Commission"],
      ['Maria Chen', 'Policy Counsel, Kids in Need of Defense'],
    ]);
    // With no issuer in the lead, the speakers' organizations stand in: the body, not the post.
    expect(read(text).organizations).toEqual(['Diocese of El Paso', 'Border Project', "Women's Refugee Commission"]);
  });

  it('reads Spanish courtesy titles, "Para NAME, de ORG:" and drops an acronym already spelled out', () => {
    const text = `Organizaciones condenan la reapertura de centros de detención

Ciudad de México, 3 de junio de 2021.- Organizaciones de derechos humanos condenaron hoy la reapertura de estaciones migratorias.

Según Ana López, integrante de la Red Jesuita con Migrantes, “la detención de niñas y niños es una violación grave”.

“No vamos a permitir más muertes”, señaló el padre Alejandro Solalinde, fundador del albergue Hermanos en el Camino.

Para Marta Sánchez, de la Mesa Nacional para las Migraciones en Guatemala (MENAMIG): “El Estado debe responder”.
`;
    expect(speakers(text)).toEqual([
      ['Ana López', 'integrante de la Red Jesuita con Migrantes'],
      ['Alejandro Solalinde', 'fundador del albergue Hermanos en el Camino'],
      ['Marta Sánchez', 'Mesa Nacional para las Migraciones en Guatemala (MENAMIG)'],
    ]);
    expect(read(text).organizations).toEqual([
      'Red Jesuita con Migrantes',
      'Mesa Nacional para las Migraciones en Guatemala',
    ]);
  });
});
