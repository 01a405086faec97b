/**
 * Reading synthetic releases in the release-text genre tests (src/features/release-text/genre-*.test.ts). Each case
 * there is a layout written for the test, none a corpus document: one habit of the genre that a rule must read,
 * in English or Spanish, so a rule fitted to one corpus file and wrong in general fails there.
 */
import { extractRelease } from '../../src/features/release-text/index.js';

/** The release as the import contract has it. */
export const read = (text: string) => extractRelease(text).release;

/** Each quote's speaker and post or organization, in order. */
export const speakers = (text: string) => read(text).quotes.map((q) => [q.speaker, q.role_or_org]);

/** The release's organizations in alphabetical order, for cases about which are found rather than in what order. */
export const sortedOrganizations = (text: string) => [...read(text).organizations].sort();
