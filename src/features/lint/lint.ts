/**
 * The linter: a release's text checked the way a meticulous editor would, against the registry when one
 * is given. Pure and total (any text gives a list of findings), so the CLI, the release page and the
 * import form share it.
 */
import { type Extraction, extractRelease } from '../release-text/index.js';
import { type Finding, Locator, sortFindings } from './finding.js';
import type { RegistryOrg } from './registry.js';
import { boilerplateFormat } from './rules-boilerplates.js';
import { boilerplateCoverage, emailDomains, nameConsistency, websites } from './rules-orgs.js';
import { contacts, quotes } from './rules-people.js';
import {
  brokenLists,
  countClaims,
  countListsDisagree,
  cutText,
  dates,
  placeholderLinks,
  releaseLine,
} from './rules-text.js';

export interface LintOptions {
  registry?: RegistryOrg[];
  now?: Date;
  language?: 'en' | 'es';
}

export function lintText(text: string, options: LintOptions = {}): Finding[] {
  return lintExtraction(text, extractRelease(text, options.language), options);
}

/** The same, when the caller has already extracted the text (the import report does both). */
export function lintExtraction(text: string, x: Extraction, options: LintOptions = {}): Finding[] {
  const registry = options.registry ?? [];
  const at = new Locator(text, x);
  return sortFindings([
    ...placeholderLinks(x, at),
    ...releaseLine(x, at),
    ...dates(x, at, options.now ?? new Date()),
    ...countClaims(x, at),
    ...countListsDisagree(x, at),
    ...brokenLists(x, at),
    ...cutText(x, at),
    ...boilerplateCoverage(x, registry, at),
    ...nameConsistency(x, registry, at),
    ...websites(x, registry, at),
    ...emailDomains(x, registry, at),
    ...contacts(x, registry, at),
    ...quotes(x, at),
    ...boilerplateFormat(x, registry, at),
  ]);
}

export const hasErrors = (findings: Finding[]) => findings.some((f) => f.severity === 'error');
