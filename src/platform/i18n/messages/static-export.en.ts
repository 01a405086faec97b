/** UI strings of the static copy of the site (features/static-export), spread into en.ts. */
export const staticExportEn = {
  staticSearchTitle: 'Search',
  staticSearchIntro:
    'Search the statements, recommendations, press releases, organizations and follow-up in this copy of the site.',
  staticSearchNeedsScript:
    'Searching this copy of the site needs JavaScript. Without it, find statements, organizations, press releases and follow-up through the menu.',
  staticChooseLanguage: 'Choose a language',
} as const;
