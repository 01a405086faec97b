/** Rules on the text itself: links, the release line, dates, count claims, broken lists. */

import type { Extraction } from '../release-text/index.js';
import { type Block, dateline, findDate, nameLists, plain, uniqueOrganizations } from '../release-text/index.js';
import { type Finding, type Locator, say } from './finding.js';
import { cutBlock } from './truncation.js';

const PLACEHOLDER_TARGET =
  /^(?:#?|https?:\/\/|url|link|enlace|tbd|tbc|todo|xxx+|\.\.\.|…|javascript:.*|about:blank)$|example\.(?:com|org|net)/i;

export function placeholderLinks(x: Extraction, at: Locator): Finding[] {
  const out: Finding[] = [];
  x.blocks.forEach((block, i) => {
    for (const m of block.text.matchAll(/\[([^\]]*)\]\(([^)]*)\)/g)) {
      const [whole, text = '', target = ''] = m;
      if (!PLACEHOLDER_TARGET.test(target.trim())) continue;
      out.push({
        rule: 'placeholder-link',
        severity: 'error',
        message: say('lintPlaceholderLink', text, target),
        suggestion: say('lintPlaceholderLinkFix'),
        ...at.at(i, whole),
      });
    }
  });
  return out;
}

export function releaseLine(x: Extraction, at: Locator): Finding[] {
  const line = x.header.releaseLine;
  if (!line || !/:\s*$/.test(line.text)) return [];
  const fixed = line.text.replace(/\s*:\s*$/, '');
  return [
    {
      rule: 'release-line-format',
      severity: 'info',
      message: say('lintReleaseLineColon', line.text),
      suggestion: say('lintReleaseLineColonFix', fixed),
      ...at.at(line.index, line.text),
    },
  ];
}

export function dates(x: Extraction, at: Locator, now: Date): Finding[] {
  const out: Finding[] = [];
  const lead = x.blocks[x.header.lead];
  const line = lead ? dateline(plain(lead.text)) : null;
  if (x.header.date && line?.date && line.date !== x.header.date.iso) {
    out.push({
      rule: 'date-mismatch',
      severity: 'error',
      message: say('lintDateMismatch', x.header.date.iso, line.date),
      suggestion: say('lintDateMismatchFix'),
      ...at.at(x.header.lead),
    });
  }
  const releaseLine = x.release.release_line ?? '';
  const embargo = /embarg/i.test(releaseLine) ? findDate(releaseLine) : null;
  if (embargo && new Date(`${embargo.iso}T23:59:59Z`) < now) {
    out.push({
      rule: 'embargo-past',
      severity: 'warning',
      message: say('lintEmbargoPast', embargo.iso),
      suggestion: say('lintEmbargoPastFix'),
      ...at.at(x.header.releaseLine?.index ?? null),
    });
  }
  return out;
}

const NUMBERS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
};
const COUNT =
  /(?<![\d.,])(?<!(?:over|than|nearly|almost|about|around|some|approximately|de|casi|unas|unos|cerca|aproximadamente|hundreds|cientos)\s)\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)\s+(?:[\p{L}-]+\s+)?(?:organizations|organisations|groups|organizaciones|grupos)\b/giu;

/**
 * A count above a dozen and more than twice the longest list of names is a coalition the text does not
 * claim to list ("60 organizations sent a letter" naming the three that lead it; a signatory list cut
 * short). "Ten organizations" naming three, or a count a few off its list, is a lost or extra name: what
 * this rule is for.
 */
const CLAIMS_TO_LIST = 2;
const COALITION_ABOVE = 12;

/**
 * "ten organizations issued …" in the headline, lead or body, against the organizations the text names. A
 * claim that matches any list of names in the release ("four nonprofits: A, B, C and D") is fine.
 */
export function countClaims(x: Extraction, at: Locator): Finding[] {
  // The organizations the release names: its issuers, or its "About" paragraphs when those are more (a
  // release written from a statement names its signatories in the boilerplates, not always in the lead).
  const listed = Math.max(x.release.organizations.length, x.boilerplates.length);
  if (listed < 2) return [];
  const listSizes = new Set([
    listed,
    ...x.blocks.flatMap((b) => nameLists(plain(b.text)).map((list) => uniqueOrganizations(list).length)),
    ...x.lists.map((l) => l.items.length),
    x.boilerplates.length,
  ]);
  const longest = Math.max(...listSizes);
  const end = x.endMark ?? x.blocks.length;
  const out: Finding[] = [];
  for (let i = 0; i < end; i++) {
    const block = x.blocks[i] as Block;
    if (x.boilerplates.some((b) => b.index === i)) continue;
    for (const m of plain(block.text).matchAll(COUNT)) {
      const word = (m[1] as string).toLowerCase();
      const claimed = NUMBERS[word] ?? Number(word);
      if (listSizes.has(claimed) || (claimed > COALITION_ABOVE && claimed > CLAIMS_TO_LIST * longest)) continue;
      out.push({
        rule: 'count-mismatch',
        severity: 'warning',
        message: say('lintCountMismatch', m[0], listed),
        suggestion: say('lintCountMismatchFix'),
        ...at.at(i, m[0]),
      });
    }
  }
  return out;
}

/**
 * The lead's own list of issuers against the "About" paragraphs after the end mark: a release that names
 * ten organizations and gives nine boilerplates has lost one (or named one too many).
 */
export function countListsDisagree(x: Extraction, at: Locator): Finding[] {
  const about = x.boilerplates.length;
  const lead = x.blocks[x.header.lead];
  if (about < 2 || !lead) return [];
  const named = Math.max(0, ...nameLists(plain(lead.text)).map((list) => uniqueOrganizations(list).length));
  if (named < 3 || named === about) return [];
  return [
    {
      rule: 'count-lists-disagree',
      severity: 'warning',
      message: say('lintCountListsDisagree', named, about),
      suggestion: say('lintCountListsDisagreeFix'),
      ...at.at(x.header.lead),
    },
  ];
}

/** Blank lines inside a bulleted list: most renderers start a new list there. */
export function brokenLists(x: Extraction, at: Locator): Finding[] {
  const out: Finding[] = [];
  for (const list of x.lists) {
    const gaps = list.items.slice(1).map((i) => (x.blocks[i] as Block).blankBefore);
    const usual = Math.min(...gaps, 1);
    list.items.slice(1).forEach((i, k) => {
      const blank = gaps[k] as number;
      if (blank <= usual) return;
      out.push({
        rule: 'list-broken',
        severity: 'warning',
        message: say('lintListBroken', blank),
        suggestion: say('lintListBrokenFix'),
        ...at.at(i),
      });
    });
  }
  return out;
}

/**
 * A text that stops mid-sentence was cut when it was copied. The rules that report what is missing stay
 * silent about the lost part (truncation.ts), so this says it once, where the text stops.
 */
export function cutText(x: Extraction, at: Locator): Finding[] {
  const index = cutBlock(x);
  if (index === null) return [];
  return [
    {
      rule: 'text-cut',
      severity: 'warning',
      message: say('lintTextCut'),
      suggestion: say('lintTextCutFix'),
      ...at.at(index),
    },
  ];
}
