/** UI strings of the workspace home: what needs attention (features/workspace/attention.ts). */
const more = (n: number, atLeast: boolean) => (atLeast ? `${n} or more` : String(n));
const s = (n: number) => (n === 1 ? '' : 's');

export const homeEn = {
  homeAttentionHeading: 'Needs attention',
  homeAttentionNothing: 'Nothing needs your attention right now.',
  homeClearHeading: 'Checked: nothing to do',
  homeMore: (n: number) => `and ${n} more`,
  homeLintErrors: (n: number) => (n === 0 ? 'no linter errors' : `${n} linter error${s(n)}`),
  homeGoesPublic: (when: string) => `goes public ${when}`,
  homeGapAboutEn: '“About” text in English',
  homeGapAboutEs: '“About” text in Spanish',
  homeGapWebsite: 'Website',
  homeGapLogo: 'Logo',
  // One line per check: a count (the link) and, when all clear, what was checked.
  homeEmbargoedReleases: (n: number) => `${n} press release${s(n)} under embargo`,
  homeEmbargoedReleasesClear: 'No press release under embargo',
  homeOverdueCommitments: (n: number, atLeast: boolean) => `${more(n, atLeast)} overdue commitment${s(n)}`,
  homeOverdueCommitmentsClear: 'No overdue commitments',
  homePendingSignOn: (n: number) => `${n} sign-on request${s(n)} waiting for a decision`,
  homePendingSignOnClear: 'No sign-on requests waiting',
  homeOpenSignOnCalls: (n: number) => `${n} statement${s(n)} open for your organization to sign`,
  homeOpenSignOnCallsClear: 'No statements waiting for your signature',
  homeDraftReleases: (n: number) => `${n} draft press release${s(n)}`,
  homeDraftReleasesClear: 'No draft press releases',
  homeDraftStatements: (n: number) => `${n} draft statement${s(n)}`,
  homeDraftStatementsClear: 'No draft statements',
  homeProfileGaps: (n: number) => `${n} thing${s(n)} missing from your organization’s profile`,
  homeProfileGapsClear: 'Your organization’s profile is complete',
  homeStaleRecommendations: (n: number, atLeast: boolean) =>
    `${more(n, atLeast)} recommendation${s(n)} with no follow-up for months`,
  homeStaleRecommendationsClear: 'No recommendations waiting for follow-up',
  homeMissingTranslations: (n: number) => `${n} text${s(n)} missing a translation`,
  homeMissingTranslationsClear: 'No missing translations',
  homeStaleTranslations: (n: number) => `${n} translation${s(n)} out of date`,
  homeStaleTranslationsClear: 'No out-of-date translations',
  homeOrganizationsWithoutAbout: (n: number) => `${n} organization${s(n)} without an “About” text`,
  homeOrganizationsWithoutAboutClear: 'Every organization has an “About” text',
  homeOrganizationsWithoutWebsite: (n: number) => `${n} organization${s(n)} without a website`,
  homeOrganizationsWithoutWebsiteClear: 'Every organization has a website',
} as const;
