/** Textos de la copia estática del sitio (features/static-export), en es.ts. */
export const staticExportEs = {
  staticSearchTitle: 'Buscar',
  staticSearchIntro:
    'Busca en las declaraciones, recomendaciones, comunicados de prensa, organizaciones y seguimiento de esta copia del sitio.',
  staticSearchNeedsScript:
    'Para buscar en esta copia del sitio se necesita JavaScript. Sin él, encuentra declaraciones, organizaciones, comunicados de prensa y seguimiento desde el menú.',
  staticChooseLanguage: 'Elige un idioma',
} as const;
