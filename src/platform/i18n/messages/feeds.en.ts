/** English strings of the Atom feeds and what pages say about them (spread into en.ts). */
export const feedsEn = {
  feedsSubscribe: 'Follow with a feed reader (Atom):',
  feedReleasesTitle: 'Press releases',
  feedStatementsTitle: 'Statements',
  feedFollowupTitle: 'Follow-up updates',
  feedStatementFollowupTitle: (statement: string) => `Follow-up updates: ${statement}`,
  feedReleasesSubtitle: 'The latest press releases, as published.',
  feedStatementsSubtitle: 'The latest joint statements and their recommendations.',
  feedFollowupSubtitle: 'What governments answered and did about each recommendation: the latest updates.',
  feedRecommendation: (n: number) => `Recommendation ${n}`,
  feedStatusEntryTitle: (status: string, recommendation: string, statement: string) =>
    `${status}: ${recommendation}, ${statement}`,
  feedResponseEntryTitle: (addressee: string, position: string, recommendation: string, statement: string) =>
    `${addressee} answered “${position}”: ${recommendation}, ${statement}`,
};
