/**
 * Demo coalition: the organizations that issued recommendations to U.S. Vice President Kamala Harris
 * before her June 2021 visit to Guatemala.
 *
 * Source: the coalition's press release of 2021-06-03 (shared/seed/press-release-2021-06-03.md). The release
 * is not copied into this repository; this file records its facts as data. See demo/SOURCES.md.
 *
 * Languages: the release was published in English only. Every English text here is as published
 * (boilerplates, recommendations, quotes, the body paragraphs); every Spanish text is Puente's own translation.
 * Editorial touches on the English, all typographic:
 * - Markdown emphasis, quotation marks and the "said …" attributions are dropped from quotes; the comma that led
 *   into each attribution becomes a full stop.
 * - Boilerplates drop the leading "Name:" / "About the …:" label and the trailing website
 *   ("For more information, visit …"); Presente.org's boilerplate keeps its name because it is part of the sentence.
 * - The release spells "Pop No’j" (curly) in its first paragraph and "Pop No'j" (straight) in the organization's own
 *   boilerplate line; we use the straight apostrophe everywhere.
 * - The "[document](#)" placeholder link is written as plain text; the "Guatemala, June 3, 2021 —" dateline is left
 *   out of the body (the date is recorded in `date`).
 *
 * Websites:
 * - FLACSO Guatemala: the release prints www.flasco.edu.gt, an obvious transposition of the acronym; we record
 *   https://www.flacso.edu.gt.
 * - Pop No'j Association: the release prints www.asociacioinpopnoj.org, which looks misspelled, but we cannot verify
 *   the right address, so `website` is omitted.
 * - Grupo Articulador, Root Causes of Migration Initiative and Migration and Development Platform: the release gives
 *   no website, so none is recorded. Migration and Development Platform has no boilerplate in the release either.
 */
import type { CoalitionData } from '../src/features/demo/coalition-data.js';
import { demoRelease } from './release-2021-06-03.js';

export const demoCoalition = {
  originalLocale: 'en',

  // In the order the release's first paragraph names them.
  organizations: [
    {
      slug: 'alianza-americas',
      name: 'Alianza Americas',
      localizedName: { en: 'Alianza Americas', es: 'Alianza Americas' },
      boilerplate: {
        en: 'A network of organizations led by immigrants working in the United States and at the transnational level to create an inclusive, equitable, and sustainable way of life for communities in North, Central, and South America.',
        es: 'Red de organizaciones lideradas por personas migrantes que trabaja en Estados Unidos y a nivel transnacional para construir una forma de vida incluyente, equitativa y sostenible para las comunidades de Norteamérica, Centroamérica y Sudamérica.',
      },
      website: 'https://www.alianzaamericas.org',
      country: 'US',
      kind: 'network',
    },
    {
      slug: 'afsc',
      name: 'American Friends Service Committee',
      acronym: 'AFSC',
      localizedName: {
        en: 'American Friends Service Committee',
        es: 'Comité de Servicio de los Amigos Americanos',
      },
      boilerplate: {
        en: 'A Quaker organization dedicated to service, development, and peace programs across the world. Their work is based on belief in the value of each person and faith in the power of love to overcome violence and injustice.',
        es: 'Organización cuáquera dedicada a programas de servicio, desarrollo y paz en todo el mundo. Su labor parte de la convicción de que cada persona tiene un valor propio y de la fe en que el amor puede vencer la violencia y la injusticia.',
      },
      website: 'https://www.afsc.org',
      kind: 'faith_based',
    },
    {
      slug: 'pop-noj',
      name: "Pop No'j Association",
      localizedName: { en: "Pop No'j Association", es: "Asociación Pop No'j" },
      boilerplate: {
        en: 'A nonprofit Civil Association that promotes reflection, research, exchange, and learnings.',
        es: 'Asociación civil sin fines de lucro que promueve la reflexión, la investigación, el intercambio y los aprendizajes.',
      },
      // website omitted: the release prints www.asociacioinpopnoj.org, which we cannot verify.
      kind: 'ngo',
    },
    {
      slug: 'cejil',
      name: 'Center for Justice and International Law',
      acronym: 'CEJIL',
      localizedName: {
        en: 'Center for Justice and International Law',
        es: 'Centro por la Justicia y el Derecho Internacional',
      },
      boilerplate: {
        en: 'Works for the defense of human rights to reduce inequality, discrimination, and violence through the strengthening of democracy, the protection and promotion of human rights, and the fight against prevailing impunity in the region.',
        es: 'Trabaja en la defensa de los derechos humanos para reducir la desigualdad, la discriminación y la violencia, mediante el fortalecimiento de la democracia, la protección y promoción de los derechos humanos y la lucha contra la impunidad que prevalece en la región.',
      },
      website: 'https://www.cejil.org',
      kind: 'ngo',
    },
    {
      slug: 'flacso-guatemala',
      name: 'FLACSO Guatemala',
      acronym: 'FLACSO',
      aliases: ['Faculty of Latin American Social Sciences Guatemala', 'Facultad Latinoamericana de Ciencias Sociales'],
      localizedName: { en: 'FLACSO Guatemala', es: 'FLACSO Guatemala' },
      boilerplate: {
        en: 'Was created by UNESCO recommendation in 1957, and has established itself as a Latin American and Caribbean international organization that is academic, autonomous, and dedicated to the promotion, teaching, research, and technical cooperation in the field of social sciences. It is currently formed by 18 member States.',
        es: 'Creada en 1957 por recomendación de la UNESCO, se ha consolidado como un organismo internacional latinoamericano y caribeño, académico y autónomo, dedicado a la promoción, la docencia, la investigación y la cooperación técnica en el campo de las ciencias sociales. Actualmente la integran 18 Estados miembros.',
      },
      // The release prints www.flasco.edu.gt (transposed letters).
      website: 'https://www.flacso.edu.gt',
      country: 'GT',
      kind: 'academic',
    },
    {
      slug: 'grupo-articulador',
      name: 'Civil Society Articulating Group on Migration Issues for Guatemala',
      aliases: ['Civil Society Articulating Group on Migratory Issues'],
      localizedName: {
        en: 'Civil Society Articulating Group on Migration Issues for Guatemala',
        es: 'Grupo Articulador de la Sociedad Civil en Materia Migratoria para Guatemala',
      },
      boilerplate: {
        en: "A political platform with over 10 years of experience in migration management, based on the Human Rights of migrants and their families. It is made up of around 20 Guatemalan civil society organizations with various focus areas and expertise, which are necessary for defending this population. One of the main contributions and commitments of this platform has been to promote the creation of the country's Migration Code.",
        es: 'Plataforma política con más de 10 años de experiencia en gestión migratoria, basada en los derechos humanos de las personas migrantes y sus familias. La integran alrededor de 20 organizaciones de la sociedad civil guatemalteca con distintos enfoques y áreas de especialidad, necesarios para la defensa de esta población. Uno de sus principales aportes y compromisos ha sido impulsar la creación del Código de Migración del país.',
      },
      country: 'GT',
      kind: 'network',
    },
    {
      slug: 'root-causes-initiative',
      name: 'Root Causes of Migration Initiative',
      localizedName: {
        en: 'Root Causes of Migration Initiative',
        es: 'Iniciativa sobre las Causas Raíz de la Migración',
      },
      boilerplate: {
        en: 'A network among organizations in Central America, Mexico, and the United States working to identify and address the causes that drive migration throughout the region. Our objective is to work for change in public policies while addressing the conditions that make it impossible for families to stay in their country of origin and possible to be punished for leaving to seek a better situation.',
        es: 'Red de organizaciones de Centroamérica, México y Estados Unidos que trabaja para identificar y atender las causas que impulsan la migración en toda la región. Nuestro objetivo es impulsar cambios en las políticas públicas y, a la vez, atender las condiciones que hacen imposible que las familias permanezcan en su país de origen y que hacen posible que se las castigue por salir en busca de una vida mejor.',
      },
      // No country: a network across Central America, Mexico and the United States.
      kind: 'network',
    },
    {
      slug: 'presente-org',
      name: 'Presente.org',
      localizedName: { en: 'Presente.org', es: 'Presente.org' },
      boilerplate: {
        en: 'Presente.org is the nation’s largest online Latinx organizing group — and the nation’s premier Latinx digital organizing hub — advancing social justice with technology, media, and culture. Build Power. Change Culture. ¡Stay Presente!',
        // The closing slogans are the organization's own and stay as published.
        es: 'Presente.org es el grupo de organización latinx en línea más grande del país —y el principal espacio de organización digital latinx—, que impulsa la justicia social a través de la tecnología, los medios y la cultura. Build Power. Change Culture. ¡Stay Presente!',
      },
      website: 'https://www.presente.org',
      country: 'US',
      kind: 'ngo',
    },
    {
      slug: 'migration-development-platform',
      name: 'Migration and Development Platform',
      localizedName: {
        en: 'Migration and Development Platform',
        es: 'Plataforma de Migración y Desarrollo',
      },
      // No boilerplate and no website: the release publishes none. Kind unknown from the text.
      kind: 'other',
    },
    {
      slug: 'rjm',
      name: 'Red Jesuita Con Migrantes',
      acronym: 'RJM',
      localizedName: { en: 'Jesuit Network with Migrants', es: 'Red Jesuita Con Migrantes' },
      boilerplate: {
        en: 'Seeks to promote and defend the human rights of the most vulnerable migrants, displaced, and refugees and their families.',
        es: 'Busca promover y defender los derechos humanos de las personas migrantes, desplazadas y refugiadas en mayor situación de vulnerabilidad, así como de sus familias.',
      },
      website: 'https://www.redjesuitaconmigranteslac.org',
      kind: 'faith_based',
    },
  ],

  people: [
    {
      slug: 'fernanda-durand',
      name: 'Fernanda Durand',
      // organization unknown: the release lists her as a press contact without an affiliation.
      email: 'fernanda@communicationsshop.us',
      phone: '(443) 396-3317',
      phoneRegion: 'US',
      isPressContact: true,
    },
    {
      slug: 'nancy-trevino',
      name: 'Nancy Treviño',
      organization: 'alianza-americas',
      email: 'press@alianzamericas.org',
      phone: '(786) 201-8958',
      phoneRegion: 'US',
      isPressContact: true,
    },
    {
      slug: 'mirtha-colon',
      name: 'Mirtha Colón',
      role: {
        en: 'President of the Alianza Americas Board of Directors',
        es: 'Presidenta de la Junta Directiva de Alianza Americas',
      },
      organization: 'alianza-americas',
      isPressContact: false,
    },
    {
      slug: 'rosario-martinez',
      name: 'Rosario Martínez',
      // No role: the release names only her organization.
      organization: 'flacso-guatemala',
      isPressContact: false,
    },
  ],

  // "The principal issues addressed in the document…", in the release's order.
  themes: [
    {
      slug: 'governance-rule-of-law',
      label: { en: 'Governance and the rule of law', es: 'Gobernanza y Estado de derecho' },
    },
    {
      slug: 'socioeconomic-conditions',
      label: { en: 'Socioeconomic conditions', es: 'Condiciones socioeconómicas' },
    },
    {
      slug: 'organized-crime-gender-violence',
      label: { en: 'Organized crime and gender violence', es: 'Crimen organizado y violencia de género' },
    },
    {
      slug: 'climate-justice-environment',
      label: { en: 'Climate justice and the environment', es: 'Justicia climática y medio ambiente' },
    },
    {
      slug: 'comprehensive-immigration-systems',
      label: { en: 'Comprehensive immigration systems', es: 'Sistemas migratorios integrales' },
    },
  ],

  // Parents before children.
  addressees: [
    {
      slug: 'us-government',
      name: { en: 'Government of the United States', es: 'Gobierno de los Estados Unidos' },
      kind: 'government',
      country: 'US',
    },
    {
      slug: 'us-vice-president',
      name: { en: 'Vice President of the United States', es: 'Vicepresidencia de los Estados Unidos' },
      kind: 'office',
      country: 'US',
      parent: 'us-government',
    },
    {
      slug: 'guatemala-government',
      name: { en: 'Government of Guatemala', es: 'Gobierno de Guatemala' },
      kind: 'government',
      country: 'GT',
    },
  ],

  statements: [
    {
      slug: 'guatemala-vp-visit-2021',
      date: '2021-06-03',
      status: 'published',
      title: {
        en: 'Recommendations to U.S. Vice President Harris on her visit to Guatemala',
        es: 'Recomendaciones a la vicepresidenta estadounidense Kamala Harris ante su visita a Guatemala',
      },
      occasion: {
        en: "U.S. Vice President Kamala Harris's visit to Guatemala, June 2021",
        es: 'Visita a Guatemala de la vicepresidenta estadounidense Kamala Harris, junio de 2021',
      },
      summary: {
        en: 'The principal issues addressed in the recommendations are related to governance and the rule of law, socioeconomic conditions, organized crime and gender violence, climate justice and the environment, and comprehensive immigration systems.',
        es: 'Las recomendaciones abordan principalmente la gobernanza y el Estado de derecho, las condiciones socioeconómicas, el crimen organizado y la violencia de género, la justicia climática y el medio ambiente, y los sistemas migratorios integrales.',
      },
      body: {
        en: [
          "In light of Vice President Harris’ upcoming visit to Guatemala, Alianza Americas, American Friends Service Committee, Pop No'j Association, Center for Justice and International Law (CEJIL), FLACSO Guatemala, Civil Society Articulating Group on Migration Issues for Guatemala, Root Causes of Migration Initiative, Presente.org, Migration and Development Platform, and Red Jesuita Con Migrantes (RJM) issued recommendations for VP Harris that address human mobility within, from, and to Guatemala.",
          '',
          'The principal issues addressed in the document are related to governance and the rule of law, socioeconomic conditions, organized crime and gender violence, climate justice and the environment, and comprehensive immigration systems.',
        ].join('\n'),
        es: [
          "Ante la próxima visita de la vicepresidenta Kamala Harris a Guatemala, Alianza Americas, el Comité de Servicio de los Amigos Americanos (AFSC), la Asociación Pop No'j, el Centro por la Justicia y el Derecho Internacional (CEJIL), FLACSO Guatemala, el Grupo Articulador de la Sociedad Civil en Materia Migratoria para Guatemala, la Iniciativa sobre las Causas Raíz de la Migración, Presente.org, la Plataforma de Migración y Desarrollo y la Red Jesuita Con Migrantes (RJM) presentaron a la vicepresidenta una serie de recomendaciones sobre la movilidad humana en, desde y hacia Guatemala.",
          '',
          'Los principales temas que aborda el documento son la gobernanza y el Estado de derecho, las condiciones socioeconómicas, el crimen organizado y la violencia de género, la justicia climática y el medio ambiente, y los sistemas migratorios integrales.',
        ].join('\n'),
      },
      // No fullDocumentUrl: the release links the document with a placeholder ("#").
      addressees: ['us-vice-president'],
      // In the first paragraph's order. The release names no convener.
      signatories: [
        { organization: 'alianza-americas', role: 'signatory' },
        { organization: 'afsc', role: 'signatory' },
        { organization: 'pop-noj', role: 'signatory' },
        { organization: 'cejil', role: 'signatory' },
        { organization: 'flacso-guatemala', role: 'signatory' },
        { organization: 'grupo-articulador', role: 'signatory' },
        { organization: 'root-causes-initiative', role: 'signatory' },
        { organization: 'presente-org', role: 'signatory' },
        { organization: 'migration-development-platform', role: 'signatory' },
        { organization: 'rjm', role: 'signatory' },
      ],
      // The seven bullets of "Some of the specific recommendations include:", in order.
      // Which themes and addressees each one gets is our editorial reading of the release, not something it states.
      recommendations: [
        {
          slug: 'justice-system',
          text: {
            en: 'Support with resources for research and training in the administration of justice, criminal prosecution, and adjudication. Strengthening the Guatemalan justice system should be a priority and contributes to strengthening the independence of public authorities and the fight against corruption.',
            es: 'Apoyar con recursos la investigación y la formación en administración de justicia, persecución penal y juzgamiento. El fortalecimiento del sistema de justicia guatemalteco debe ser una prioridad, pues contribuye a fortalecer la independencia de las autoridades públicas y la lucha contra la corrupción.',
          },
          themes: ['governance-rule-of-law'],
          addressees: ['us-vice-president'],
        },
        {
          slug: 'international-cooperation',
          text: {
            en: 'U.S. international cooperation is essential to strengthening local economies, the governance of community mayors and authorities, the improvement of local infrastructure, fiscal management, access to services, and development of the nation.',
            es: 'La cooperación internacional de Estados Unidos es fundamental para fortalecer las economías locales, la gobernanza de las alcaldías y autoridades comunitarias, la mejora de la infraestructura local, la gestión fiscal, el acceso a servicios y el desarrollo del país.',
          },
          themes: ['socioeconomic-conditions', 'governance-rule-of-law'],
          addressees: ['us-vice-president'],
        },
        {
          slug: 'armed-forces-human-rights',
          text: {
            en: 'Promote the incorporation of a human rights approach in the work of state armed forces, where the individual is protected and, in the specific case of human mobility, armed forces should be actors of protection and not of repression or migratory control.',
            es: 'Promover la incorporación del enfoque de derechos humanos en el trabajo de las fuerzas armadas del Estado, de modo que se proteja a las personas y, en el caso específico de la movilidad humana, las fuerzas armadas actúen como agentes de protección y no de represión ni de control migratorio.',
          },
          themes: ['governance-rule-of-law', 'organized-crime-gender-violence', 'comprehensive-immigration-systems'],
          addressees: ['us-vice-president', 'guatemala-government'],
        },
        {
          slug: 'tps-guatemala',
          text: {
            en: 'Designate Guatemala for Temporary Protected Status so that Guatemalan citizens in the United States can help finance economic recovery from recent weather events.',
            es: 'Designar a Guatemala para el Estatus de Protección Temporal (TPS), de modo que las personas guatemaltecas que viven en Estados Unidos puedan contribuir a financiar la recuperación económica tras los recientes fenómenos climáticos.',
          },
          themes: ['comprehensive-immigration-systems', 'climate-justice-environment', 'socioeconomic-conditions'],
          addressees: ['us-vice-president'],
        },
        {
          slug: 'regular-migration',
          text: {
            en: 'Guarantee regular migration, facilitating and expanding options for regular migration. In the area of migration and labor, strengthen controls over recruiting agencies and/or intermediaries to avoid labor rights violations, and guarantee access to labor justice for all migrant workers regardless of their immigration status.',
            es: 'Garantizar la migración regular, facilitando y ampliando las vías para migrar de forma regular. En materia de migración y trabajo, fortalecer los controles sobre las agencias de reclutamiento o intermediarios para evitar violaciones a los derechos laborales, y garantizar el acceso a la justicia laboral para todas las personas trabajadoras migrantes, sin importar su situación migratoria.',
          },
          themes: ['comprehensive-immigration-systems', 'socioeconomic-conditions'],
          addressees: ['us-vice-president', 'guatemala-government'],
        },
        {
          slug: 'family-unity',
          text: {
            en: 'Guarantee the non-separation of families and family reunification.',
            es: 'Garantizar la no separación de las familias y la reunificación familiar.',
          },
          themes: ['comprehensive-immigration-systems'],
          addressees: ['us-vice-president'],
        },
        {
          slug: 'non-deportation-due-process',
          text: {
            en: 'Ensure compliance with the principle of non-deportation and due process for accessing options for regular migration or asylum, ending arbitrary removals and detentions. This includes the end of Title 42 and the possibility of entering the United States by land to seek asylum.',
            es: 'Asegurar el cumplimiento del principio de no devolución y del debido proceso para acceder a las vías de migración regular o de asilo, poniendo fin a las expulsiones y detenciones arbitrarias. Esto incluye el fin del Título 42 y la posibilidad de ingresar a Estados Unidos por vía terrestre para solicitar asilo.',
          },
          themes: ['comprehensive-immigration-systems'],
          addressees: ['us-vice-president'],
        },
      ],
      quotes: [
        {
          person: 'mirtha-colon',
          text: {
            en: 'We open a space for dialogue recognizing the U.S. government’s interest in addressing the root causes of international migration. We appreciate Vice President Kamala Harris’ leadership in creating spaces of dialogue, management, and advocacy with the governments of Central America and Mexico. We agree that this is no easy task, given it implies addressing the structural causes that affect us and contribute to many factors that encourage human mobility from Guatemala.',
            es: 'Abrimos un espacio de diálogo reconociendo el interés del Gobierno de Estados Unidos en atender las causas raíz de la migración internacional. Valoramos el liderazgo de la vicepresidenta Kamala Harris al generar espacios de diálogo, gestión e incidencia con los gobiernos de Centroamérica y México. Coincidimos en que no es una tarea fácil, ya que implica atender las causas estructurales que nos afectan y que contribuyen a muchos de los factores que propician la movilidad humana desde Guatemala.',
          },
        },
        {
          person: 'rosario-martinez',
          text: {
            en: 'It’s important to emphasize that as civil society organizations we are willing to contribute to the implementation of these recommendations and those derived from the dialogue process we hope to maintain with your government.',
            es: 'Es importante subrayar que, como organizaciones de la sociedad civil, estamos en la disposición de contribuir a la implementación de estas recomendaciones y de las que surjan del proceso de diálogo que esperamos mantener con su gobierno.',
          },
        },
      ],
    },
  ],

  releases: [demoRelease],
} satisfies CoalitionData;
