import type { TranslationOf } from '../catalog.js';
import type { searchEn } from './search.en.js';

/** Textos de la búsqueda (features/search). */
export const searchEs = {
  searchBoxLabel: 'Buscar en el sitio',
  searchButton: 'Buscar',
  searchTitle: 'Búsqueda',
  searchTitleFor: (q: string) => `Búsqueda: ${q}`,
  searchIntro:
    'Encuentre pronunciamientos, recomendaciones, comunicados de prensa, organizaciones y seguimiento, en español e inglés. No importan las tildes ni las mayúsculas.',
  searchEmptyQuery: 'Escribe una o más palabras, por ejemplo «Título 42» o el nombre de una organización.',
  searchNoResults: (q: string) =>
    `No se encontró nada para «${q}». Revisa la ortografía, usa menos palabras o quita un filtro.`,
  searchResultsHeading: 'Resultados',
  searchResultsPage: (page: number) => `Resultados, página ${page}`,
  searchFiltersLabel: 'Filtrar resultados',
  searchFilterKind: 'Tipo',
  searchFilterTheme: 'Tema',
  searchFilterYear: 'Año',
  searchFilterLanguage: 'Idioma del texto',
  searchFilterAny: 'Todos',
  searchFilterRemove: 'Quitar todos los filtros',
  searchKindStatement: 'Pronunciamientos',
  searchKindRecommendation: 'Recomendaciones',
  searchKindRelease: 'Comunicados de prensa',
  searchKindOrganization: 'Organizaciones',
  searchKindFollowup: 'Seguimiento',
  searchResultStatement: 'Pronunciamiento',
  searchResultRecommendation: (n: number) => `Recomendación ${n}`,
  searchResultRelease: 'Comunicado de prensa',
  searchResultOrganization: 'Organización',
  searchResultResponse: 'Respuesta del gobierno',
  searchResultStatusUpdate: 'Actualización de estado',
  searchResultIn: (title: string) => `en «${title}»`,
  searchLanguageNote: 'Encontrado en el texto en este idioma:',
  searchLastPage: (max: number) =>
    `Los resultados llegan hasta la página ${max}. Agrega una palabra o un filtro para afinar la búsqueda.`,
  searchTruncated: (n: number) =>
    `Coinciden más de ${n} elementos: estos son los mejores de los primeros ${n}. Agrega una palabra o un filtro para encontrar el resto.`,
  searchInvalidQuery: (max: number) => `La búsqueda es demasiado larga: use como máximo ${max} caracteres.`,
  searchInvalidPage: (max: number) => `«page» debe ser un número entero del 1 al ${max}.`,
  searchInvalidYear: '«year» debe ser un año escrito con cuatro cifras, como 2021.',
  searchInvalidKind: '«kind» debe ser uno de los tipos que aparecen en Filtrar resultados.',
  searchInvalidLanguage: '«lang» debe ser en o es.',
  searchInvalidTheme: '«theme» debe ser uno de los temas que aparecen en Filtrar resultados.',
  searchWorkspaceTitle: 'Buscar en el espacio de trabajo',
  searchWorkspaceIntro:
    'Todo lo que usted puede editar, incluidos borradores y elementos embargados o retirados, con su estado. La búsqueda pública solo encuentra lo publicado.',
  searchStateDraft: 'Borrador',
  searchStateEmbargoed: 'Embargado',
  searchStateWithdrawn: 'Retirado',
  searchStatePublished: 'Publicado',
  searchStateArchived: 'Archivado',
  workspaceNavSearch: 'Buscar',
} as const satisfies TranslationOf<typeof searchEn>;
