/**
 * The headline and subheadline among the header lines nothing else claimed (a letter's address block is none),
 * and the letterhead above them: a short organization name that is an issuer, not the title.
 */
import { findDate } from './dates.js';
import { BYLINE, CHROME, HONORIFIC, headlineScore, NOT_A_TITLE, quotedTitle } from './headline-score.js';
import { isNamePhrase, isOrgLike } from './names.js';
import { type Block, plain, wordCount } from './normalize.js';
import type { ImportParams } from './params.js';
import { isRoleWord } from './quotes.js';
import { continuesTitle, joinMidPhraseWraps } from './wrapped-lines.js';

export interface Titles {
  headline: { text: string; index: number } | null;
  /** The winning headline's evidence score and its lead over the runner-up (for the confidence). */
  headlineEvidence: { score: number; margin: number } | null;
  subheadline: { text: string; index: number } | null;
  /** The letterhead's organizations, above the title. */
  organizations: { name: string; index: number }[];
}

/** Headline and subheadline among the header lines nothing else claimed (block indexes), above the lead. */
export function pickTitles(blocks: Block[], candidates: number[], lead: number, p: ImportParams): Titles {
  const titles: Titles = { headline: null, headlineEvidence: null, subheadline: null, organizations: [] };
  const address = addressLines(blocks, candidates, p);
  const kept = candidates.filter((i) => !address.has(i));
  const { usable, texts, lines } = joinMidPhraseWraps(
    blocks,
    kept,
    kept.map((i) => withoutSiteName(plain((blocks[i] as Block).text).replace(/^#+\s*/, ''))),
    p,
  );
  titles.organizations = letterhead(blocks, usable, texts, p);
  const letterheadLines = new Set(titles.organizations.map((o) => o.index));
  let best: { n: number; score: number } | null = null;
  let runnerUp = Number.NEGATIVE_INFINITY;
  for (const [n, i] of usable.entries()) {
    const text = texts[n] as string;
    const titleLike =
      wordCount(text) >= 2 &&
      wordCount(text) <= p.headlineMaxWords &&
      (!/^[“"«]/.test(text) || quotedTitle(text)) &&
      !(blocks[i] as Block).listMarker;
    if (!titleLike) continue;
    // A letterhead may still be the title ("GROUPS DENOUNCE NEW ASYLUM BAN" reads as a name): weighed, not excluded.
    const score = headlineScore(text, n, texts, blocks, i, lead) - (letterheadLines.has(i) ? p.letterheadWeight : 0);
    if (best && score <= best.score) runnerUp = Math.max(runnerUp, score);
    if (score >= p.headlineMinScore && (!best || score > best.score)) {
      if (best) runnerUp = Math.max(runnerUp, best.score);
      best = { n, score };
    }
  }
  if (!best) return titles;
  const chosen = usable[best.n] as number;
  titles.organizations = titles.organizations.filter((o) => o.index !== chosen);
  titles.headlineEvidence = { score: best.score, margin: best.score - runnerUp };
  const at = usable[best.n] as number;
  titles.headline = { text: texts[best.n] as string, index: at };
  let next = usable[best.n + 1];
  let nextText = texts[best.n + 1];
  // A title hard-wrapped over two lines: the next line, with no blank line between.
  if (
    next === at + (lines[best.n] as number) &&
    nextText !== undefined &&
    (blocks[next] as Block).blankBefore === 0 &&
    continuesTitle(titles.headline.text, nextText, p)
  ) {
    titles.headline.text = `${titles.headline.text} ${nextText}`;
    next = usable[best.n + 2];
    nextText = texts[best.n + 2];
  }
  if (
    next !== undefined &&
    next === at + (lines[best.n] as number) + (titles.headline.text === texts[best.n] ? 0 : 1) &&
    nextText !== undefined &&
    nextText.toLowerCase() !== titles.headline.text.toLowerCase() &&
    wordCount(nextText) >= 4 &&
    !CHROME.test(nextText) &&
    // An advisory's field ("WHAT: Rally …") or a byline under the title is no deck.
    !NOT_A_TITLE.test(nextText) &&
    !BYLINE.test(nextText) &&
    findDate(nextText) === null
  ) {
    titles.subheadline = { text: nextText, index: next };
  }
  return titles;
}

/** The lines closing a letter's address: "PRESENTE", "P R E S E N T E", "Attn:", a salutation. */
const ADDRESSEE =
  /^(?:p\s?r\s?e\s?s\s?e\s?n\s?t\s?e\b|(?:attn|atenci[oó]n|to|para)\s*:|(?:dear|estimad[oa]s?|querid[oa]s?)\s)/i;

/** A letter's address blocks among the candidates: runs of short lines that name their addressee. */
function addressLines(blocks: Block[], candidates: number[], p: ImportParams): Set<number> {
  const address = new Set<number>();
  for (let k = 0; k < candidates.length; k++) {
    let end = k;
    while (end + 1 < candidates.length && candidates[end + 1] === (candidates[end] as number) + 1) end++;
    const group = candidates.slice(k, end + 1);
    // Short lines alone are as often a web page's menu and title; an address names its addressee.
    const addressed = [...group, (group.at(-1) as number) + 1].some((i) => {
      const line = plain(blocks[i]?.text ?? '');
      return HONORIFIC.test(line) || ADDRESSEE.test(line) || isRoleWord(line.split(/\s+/)[0]);
    });
    if (
      addressed &&
      group.length >= p.addressMinLines &&
      group.every((i) => wordCount(plain((blocks[i] as Block).text)) <= p.addressMaxWords)
    ) {
      for (const i of group) address.add(i);
    }
    k = end;
  }
  return address;
}

/** Letterhead: a short organization name at the top, above the title, is an issuer, not the headline. */
function letterhead(blocks: Block[], usable: number[], texts: string[], p: ImportParams): Titles['organizations'] {
  const organizations: Titles['organizations'] = [];
  for (const [n, i] of usable.entries()) {
    const text = texts[n] as string;
    const name = text.replace(/,\s*\p{Lu}{2,10}$/u, '');
    const more = n + 1 < usable.length;
    // A longer name is a letterhead only if the release names that organization again; a title in Title Case
    // with an organization word in it ("Coalition Calls on Congress to …") is not repeated word for word.
    const named =
      wordCount(text) <= p.letterheadBareWords ||
      blocks.slice(i + 1).some((b) => plain(b.text).toLowerCase().includes(name.toLowerCase()));
    if (
      more &&
      wordCount(text) <= p.letterheadMaxWords &&
      isNamePhrase(name) &&
      isOrgLike(name) &&
      !/[|:]/.test(text) &&
      named
    ) {
      organizations.push({ name, index: i });
    } else break;
  }
  return organizations;
}

/** "Groups sue over the wall – Center for Biological Diversity": a web page's title ends with the site's name. */
function withoutSiteName(text: string): string {
  const m = /^(.{20,}?)\s+[|–—-]\s+([^|–—]{3,80})$/u.exec(text);
  if (!m || wordCount(m[1] as string) < 4) return text;
  const site = (m[2] as string).trim();
  return isNamePhrase(site) && isOrgLike(site) ? (m[1] as string).trim() : text;
}
