/**
 * Every tunable threshold of the importer in one object, so the evaluation (`npm run eval:import`) can fit
 * them on one half of the corpus and measure on the other (cross-over), and nothing is tuned silently in a
 * rule. The defaults are what ships; `PARAM_GRID` is the finite set of values the fitting step may try.
 * Rules that read these are genre rules (how releases are laid out), never rules for one document.
 */
export interface ImportParams {
  /** A paragraph of at least this many words is running prose (the lead), whatever its punctuation. */
  proseWords: number;
  /** …or at least this many words ending in sentence punctuation. */
  shortProseWords: number;
  /** How many blocks the header may span before the lead. */
  headerBlocks: number;
  /** A headline has at most this many words. */
  headlineMaxWords: number;
  /** A header line of at most this many words that is an organization name is a letterhead, not a headline. */
  letterheadMaxWords: number;
  /** …and one longer than this many words only if the release names that organization again below it. */
  letterheadBareWords: number;
  /** How much evidence a letterhead line gives up when it competes for the headline. */
  letterheadWeight: number;
  /** A run of at least `addressMinLines` short lines (≤ `addressMaxWords`) is a letter's address block. */
  addressMinLines: number;
  addressMaxWords: number;
  /** A contact line has at most this many words. */
  contactMaxWords: number;
  /** Share of a list's items that must be organization names for the list to be signatories. */
  orgListShare: number;
  /** An item of a signatory list has at most this many words. */
  orgItemMaxWords: number;
  /** Weight of evidence a header line needs to be the headline (see headline-score.ts `headlineScore`). */
  headlineMinScore: number;
  /** Weight of evidence a list needs to be a list of asks (see recommendations.ts `isAskList`). */
  askMinScore: number;
  /** How many paragraphs after the lead may name issuers in a list of three or more names. */
  issuerParagraphs: number;
  /** Weight of evidence a block of names after the body needs to be its signatories (see signatories.ts). */
  signatoryMinScore: number;
  /** A run of at least this many organization names counts as signers wherever it stands (signatories.ts). */
  longListItems: number;
}

export const DEFAULT_PARAMS: Readonly<ImportParams> = Object.freeze({
  proseWords: 30,
  shortProseWords: 12,
  headerBlocks: 40,
  headlineMaxWords: 40,
  letterheadMaxWords: 10,
  letterheadBareWords: 5,
  letterheadWeight: 4,
  addressMinLines: 3,
  addressMaxWords: 7,
  contactMaxWords: 16,
  orgListShare: 0.6,
  orgItemMaxWords: 9,
  headlineMinScore: 0,
  askMinScore: 3,
  issuerParagraphs: 2,
  signatoryMinScore: 4,
  longListItems: 8,
});

export const PARAM_GRID: { readonly [K in keyof ImportParams]: readonly number[] } = {
  proseWords: [20, 25, 30, 35, 40],
  shortProseWords: [8, 10, 12, 14, 16],
  headerBlocks: [20, 30, 40],
  headlineMaxWords: [25, 30, 40, 50],
  letterheadMaxWords: [5, 6, 7, 8, 10],
  letterheadBareWords: [3, 4, 5, 6],
  letterheadWeight: [2, 3, 4, 6],
  addressMinLines: [2, 3, 4],
  addressMaxWords: [5, 7, 9],
  contactMaxWords: [12, 16, 20, 24],
  orgListShare: [0.4, 0.5, 0.6, 0.7, 0.8],
  orgItemMaxWords: [7, 9, 11, 13],
  headlineMinScore: [-2, -1, 0, 1, 2],
  askMinScore: [2, 3, 4],
  issuerParagraphs: [0, 1, 2, 3],
  signatoryMinScore: [3, 4, 5],
  longListItems: [6, 8, 10, 12],
};
