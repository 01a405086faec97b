/**
 * Demo follow-up for the seed statement's recommendations (guatemala-vp-visit-2021).
 *
 * Two kinds of entries, never mixed:
 * - Real: rests on a public U.S. government text and links it (title, publisher, date, address).
 *   The texts are the White House fact sheets and report on the Root Causes Strategy (2021–2022),
 *   see demo/SOURCES.md ("Follow-up"). Summaries say only what those texts say; whether an action
 *   answers the coalition's recommendation is our reading, and the summary says "we read".
 * - Example (`example: true`): invented to show a feature the real sources cannot (a government's
 *   formal response, an overdue commitment). Its text starts with the example label in both languages.
 *
 * English is written first; Spanish is Puente's translation.
 */
import type { FollowupDemoData } from '../src/features/demo/followup-data.js';

const STATEMENT = 'guatemala-vp-visit-2021';

const factSheetJune2021 = {
  url: 'https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2021/06/07/fact-sheet-u-s-guatemala-cooperation/',
  title: 'FACT SHEET: U.S. – Guatemala Cooperation',
  publisher: 'The White House',
  publishedOn: '2021-06-07',
};
const strategyFactSheet = {
  url: 'https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2021/07/29/fact-sheet-strategy-to-address-the-root-causes-of-migration-in-central-america/',
  title: 'FACT SHEET: Strategy to Address the Root Causes of Migration in Central America',
  publisher: 'The White House',
  publishedOn: '2021-07-29',
};
const report2022 = {
  url: 'https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2022/04/19/report-on-the-u-s-strategy-for-addressing-the-root-causes-of-migration-in-central-america/',
  title: 'Report on the U.S. Strategy for Addressing the Root Causes of Migration in Central America',
  publisher: 'The White House',
  publishedOn: '2022-04-19',
};

export const demoFollowup = {
  originalLocale: 'en',
  exampleLabel: { en: 'Example data, not a real record:', es: 'Dato de ejemplo, no es un registro real:' },

  statusUpdates: [
    {
      example: false,
      statement: STATEMENT,
      recommendation: 'justice-system',
      date: '2021-06-07',
      status: 'in_progress',
      summary: {
        en: 'After meeting President Giammattei, the Vice President announced a Department of Justice anticorruption task force, including more Resident Legal Advisors to train and mentor the Guatemalan Public Ministry and its Special Prosecutor Against Impunity (FECI). We read this as a start on the support for prosecution the recommendation asks for.',
        es: 'Tras reunirse con el presidente Giammattei, la vicepresidenta anunció un grupo de trabajo anticorrupción del Departamento de Justicia, con más asesores jurídicos residentes para capacitar y acompañar al Ministerio Público de Guatemala y a su Fiscalía Especial contra la Impunidad (FECI). Lo leemos como un comienzo del apoyo a la persecución penal que pide la recomendación.',
      },
      evidence: [factSheetJune2021],
    },
    {
      example: false,
      statement: STATEMENT,
      recommendation: 'justice-system',
      date: '2022-04-19',
      status: 'in_progress',
      summary: {
        en: 'The April 2022 progress report says the Anti-Corruption Task Force was established, runs a tip line, and that the number of Resident Legal Advisors working with counterparts in Guatemala was increased.',
        es: 'El informe de avances de abril de 2022 dice que se creó el Grupo de Trabajo Anticorrupción, que mantiene una línea de denuncias, y que aumentó el número de asesores jurídicos residentes que trabajan con sus contrapartes en Guatemala.',
      },
      evidence: [report2022],
    },
    {
      example: false,
      statement: STATEMENT,
      recommendation: 'international-cooperation',
      date: '2021-06-07',
      status: 'in_progress',
      summary: {
        en: 'The Vice President announced $48 million to increase economic opportunity in Guatemala (entrepreneurship, affordable housing, agri-business, and lending to micro, small and medium enterprises in areas of high out-migration).',
        es: 'La vicepresidenta anunció 48 millones de dólares para ampliar las oportunidades económicas en Guatemala (emprendimiento, vivienda asequible, agronegocios y crédito a micro, pequeñas y medianas empresas en zonas de alta emigración).',
      },
      evidence: [factSheetJune2021],
    },
    {
      example: false,
      statement: STATEMENT,
      recommendation: 'international-cooperation',
      date: '2021-07-29',
      status: 'partially_implemented',
      summary: {
        en: 'The Root Causes Strategy was published with five pillars, the first being economic insecurity and inequality. We read the strategy as adopting part of the recommendation; local governance and fiscal management are not named in the fact sheet.',
        es: 'Se publicó la Estrategia de Causas Raíz con cinco pilares; el primero es la inseguridad económica y la desigualdad. Leemos la estrategia como la adopción de parte de la recomendación; la gobernanza local y la gestión fiscal no se nombran en la hoja informativa.',
      },
      evidence: [strategyFactSheet],
    },
    {
      example: true,
      statement: STATEMENT,
      recommendation: 'tps-guatemala',
      date: '2021-09-15',
      status: 'not_started',
      summary: {
        en: 'Example data, not a real record: a status update recorded without evidence, to show how Puente marks it as unverified.',
        es: 'Dato de ejemplo, no es un registro real: una actualización registrada sin evidencia, para mostrar cómo Puente la marca como sin verificar.',
      },
      evidence: [],
    },
  ],

  responses: [
    {
      example: true,
      statement: STATEMENT,
      recommendation: 'tps-guatemala',
      addressee: 'us-vice-president',
      date: '2021-08-02',
      position: 'noted',
      summary: {
        en: 'Example data, not a real record: a response in which the office takes note of the recommendation without committing to it.',
        es: 'Dato de ejemplo, no es un registro real: una respuesta en la que la oficina toma nota de la recomendación sin comprometerse.',
      },
    },
    {
      example: true,
      statement: STATEMENT,
      recommendation: 'regular-migration',
      addressee: 'guatemala-government',
      date: '2021-10-04',
      position: 'partially_accepted',
      summary: {
        en: 'Example data, not a real record: a response accepting stronger controls on recruiting agencies but not the wider changes.',
        es: 'Dato de ejemplo, no es un registro real: una respuesta que acepta reforzar el control de las agencias de reclutamiento, pero no los cambios más amplios.',
      },
    },
  ],

  meetings: [
    {
      example: false,
      date: '2021-06-07',
      place: 'Guatemala',
      online: false,
      summary: {
        en: 'Bilateral meeting between Vice President Harris and President Giammattei, after which the Vice President announced the cooperation measures of the fact sheet. The coalition did not take part.',
        es: 'Reunión bilateral entre la vicepresidenta Harris y el presidente Giammattei, tras la cual la vicepresidenta anunció las medidas de cooperación de la hoja informativa. La coalición no participó.',
      },
      organizations: [],
      addressees: ['us-vice-president', 'guatemala-government'],
      recommendations: [
        [STATEMENT, 'justice-system'],
        [STATEMENT, 'international-cooperation'],
      ],
    },
  ],

  commitments: [
    {
      example: false,
      date: '2021-06-07',
      meeting: { date: '2021-06-07', place: 'Guatemala' },
      addressee: 'us-vice-president',
      text: {
        en: 'Create a Department of Justice anticorruption task force with U.S. prosecutors and law enforcement experts, and expand the Resident Legal Advisors supporting the Guatemalan Public Ministry.',
        es: 'Crear un grupo de trabajo anticorrupción del Departamento de Justicia con fiscales y expertos policiales estadounidenses, y ampliar los asesores jurídicos residentes que apoyan al Ministerio Público de Guatemala.',
      },
      fulfilledOn: '2022-04-19',
      recommendations: [[STATEMENT, 'justice-system']],
    },
    {
      example: false,
      date: '2021-06-07',
      meeting: { date: '2021-06-07', place: 'Guatemala' },
      addressee: 'us-vice-president',
      text: {
        en: 'USAID to provide up to $40 million over three years for the U.S.-Guatemala Young Women’s Empowerment Initiative.',
        es: 'USAID aportará hasta 40 millones de dólares en tres años para la Iniciativa de Empoderamiento de Mujeres Jóvenes entre Estados Unidos y Guatemala.',
      },
      // No due day: "over three years" is all the source says, and it records no completion.
      recommendations: [[STATEMENT, 'international-cooperation']],
    },
    {
      example: true,
      date: '2021-10-04',
      addressee: 'guatemala-government',
      text: {
        en: 'Example data, not a real record: publish a register of licensed labor recruiting agencies.',
        es: 'Dato de ejemplo, no es un registro real: publicar un registro de las agencias de reclutamiento laboral autorizadas.',
      },
      dueOn: '2022-06-30',
      recommendations: [[STATEMENT, 'regular-migration']],
    },
  ],
} satisfies FollowupDemoData;
