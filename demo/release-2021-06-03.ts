/**
 * The coalition's press release of 3 June 2021 as a structured release (source:
 * shared/seed/press-release-2021-06-03.md, see demo/SOURCES.md). English as published; Spanish is
 * Puente's own translation (the loader records it as a translation of the English).
 *
 * Only the release's own words live here. Contacts' phones and e-mails, the quoted people's roles and
 * every "About" text come from the registry at render time, so the seed's defects (the "#" link, the
 * misspelled websites, the inconsistent organization names) cannot come back through this file.
 * Boilerplates are not listed: by default they are the statement's signatories in order, and the one
 * signatory without a boilerplate (Migration and Development Platform) shows up as a gap.
 */
import type { ReleaseData } from '../src/features/demo/coalition-data.js';

export const demoRelease = {
  slug: 'guatemala-vp-visit-2021',
  statement: 'guatemala-vp-visit-2021',
  status: 'published',
  timeZone: 'America/Guatemala',
  releaseDate: '2021-06-03',
  contacts: ['fernanda-durand', 'nancy-trevino'],
  headline: {
    en: "U.S. and Guatemalan organizations speak out on U.S. Vice President's upcoming visit and the regional immigration situation",
    es: 'Organizaciones de Estados Unidos y Guatemala se pronuncian ante la próxima visita de la vicepresidenta estadounidense y la situación migratoria regional',
  },
  datelinePlace: { en: 'Guatemala', es: 'Guatemala' },
  lead: {
    en: "In light of Vice President Harris’ upcoming visit to Guatemala, Alianza Americas, American Friends Service Committee, Pop No'j Association, Center for Justice and International Law (CEJIL), FLACSO Guatemala, Civil Society Articulating Group on Migration Issues for Guatemala, Root Causes of Migration Initiative, Presente.org, Migration and Development Platform, and Red Jesuita Con Migrantes (RJM) issued recommendations for VP Harris that address human mobility within, from, and to Guatemala.",
    es: "Ante la próxima visita de la vicepresidenta Kamala Harris a Guatemala, Alianza Americas, el Comité de Servicio de los Amigos Americanos (AFSC), la Asociación Pop No'j, el Centro por la Justicia y el Derecho Internacional (CEJIL), FLACSO Guatemala, el Grupo Articulador de la Sociedad Civil en Materia Migratoria para Guatemala, la Iniciativa sobre las Causas Raíz de la Migración, Presente.org, la Plataforma de Migración y Desarrollo y la Red Jesuita Con Migrantes (RJM) presentaron a la vicepresidenta una serie de recomendaciones sobre la movilidad humana en, desde y hacia Guatemala.",
  },
  blocks: [
    {
      kind: 'text',
      text: {
        en: 'The principal issues addressed in the document are related to governance and the rule of law, socioeconomic conditions, organized crime and gender violence, climate justice and the environment, and comprehensive immigration systems.',
        es: 'Los principales temas que aborda el documento son la gobernanza y el Estado de derecho, las condiciones socioeconómicas, el crimen organizado y la violencia de género, la justicia climática y el medio ambiente, y los sistemas migratorios integrales.',
      },
    },
    {
      kind: 'quote',
      person: 'mirtha-colon',
      text: {
        en: 'We open a space for dialogue recognizing the U.S. government’s interest in addressing the root causes of international migration. We appreciate Vice President Kamala Harris’ leadership in creating spaces of dialogue, management, and advocacy with the governments of Central America and Mexico. We agree that this is no easy task, given it implies addressing the structural causes that affect us and contribute to many factors that encourage human mobility from Guatemala.',
        es: 'Abrimos un espacio de diálogo reconociendo el interés del Gobierno de Estados Unidos en atender las causas raíz de la migración internacional. Valoramos el liderazgo de la vicepresidenta Kamala Harris al generar espacios de diálogo, gestión e incidencia con los gobiernos de Centroamérica y México. Coincidimos en que no es una tarea fácil, ya que implica atender las causas estructurales que nos afectan y que contribuyen a muchos de los factores que propician la movilidad humana desde Guatemala.',
      },
    },
    {
      kind: 'highlights',
      intro: {
        en: 'Some of the specific recommendations include:',
        es: 'Entre las recomendaciones específicas se encuentran:',
      },
    },
    {
      kind: 'quote',
      person: 'rosario-martinez',
      text: {
        en: 'It’s important to emphasize that as civil society organizations we are willing to contribute to the implementation of these recommendations and those derived from the dialogue process we hope to maintain with your government.',
        es: 'Es importante subrayar que, como organizaciones de la sociedad civil, estamos en la disposición de contribuir a la implementación de estas recomendaciones y de las que surjan del proceso de diálogo que esperamos mantener con su gobierno.',
      },
    },
  ],
  // All seven recommendations of the statement, in the release's order (which is the statement's).
  highlights: [
    { recommendation: 'justice-system' },
    { recommendation: 'international-cooperation' },
    { recommendation: 'armed-forces-human-rights' },
    { recommendation: 'tps-guatemala' },
    { recommendation: 'regular-migration' },
    { recommendation: 'family-unity' },
    { recommendation: 'non-deportation-due-process' },
  ],
  endMark: '###',
} satisfies ReleaseData;
