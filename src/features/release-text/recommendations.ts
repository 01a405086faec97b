/**
 * Recommendations: the items of a bulleted or numbered list introduced as asks ("Some of the specific
 * recommendations include:", "Le instamos … las siguientes medidas:"). Stray blank lines inside the list do
 * not end it; a paragraph does. A list of organization names is not a list of asks.
 */
import { isNamePhrase, isOrgLike } from './names.js';
import { type Block, plain } from './normalize.js';
import { DEFAULT_PARAMS, type ImportParams } from './params.js';

const ASK_INTRO =
  /\b(?:recommend\w*|urg\w*|call(?:s|ing)?\s+(?:on|upon|for)|ask\w*|demand\w*|request\w*|propos\w*|priorit\w*|implor\w*|insist\w*|reclam\w*|demand\w*|steps|measures|actions|should|must|we\s+call|recomend\w*|inst\w+|ped\w+|pid\w+|exig\w+|solicit\w+|llam\w+\s+a|medidas|acciones|propuestas|exhort\w+|deb\w+|prioridades)\b/iu;

export interface FoundList {
  /** Block index of the introducing line. */
  intro: number;
  items: number[];
}

/** Every list in the text: consecutive list items, blank lines between them allowed. */
export function findLists(blocks: Block[], from: number, to: number): FoundList[] {
  const lists: FoundList[] = [];
  for (let i = from; i < to; i++) {
    if (!(blocks[i] as Block).listMarker) continue;
    const items: number[] = [];
    let j = i;
    while (j < to && (blocks[j] as Block).listMarker) items.push(j++);
    lists.push({ intro: i - 1, items });
    i = j - 1;
  }
  return lists;
}

export function isOrganizationList(blocks: Block[], list: FoundList, p: ImportParams = DEFAULT_PARAMS): boolean {
  const names = list.items.map((i) => plain((blocks[i] as Block).text));
  const named = names.filter(
    (n) => n.split(/\s+/).length <= p.orgItemMaxWords && isNamePhrase(n.replace(/\(?\s*\S*\)\s*$/, '')),
  );
  return (
    named.length >= Math.max(2, names.length * p.orgListShare) && named.filter(isOrgLike).length >= named.length / 2
  );
}

/**
 * A list is a list of asks on the weight of its evidence: an introduction ending in a colon, ask words in
 * it ("urge", "implores … to:", "exigimos"), items opening with an ask verb or a Spanish infinitive
 * ("Investigar …", "Exigimos …"), numbering. A list of organization names never is.
 */
export function isAskList(blocks: Block[], list: FoundList, p: ImportParams = DEFAULT_PARAMS): boolean {
  const intro = blocks[list.intro];
  if (isOrganizationList(blocks, list, p)) return false;
  const text = intro && !intro.listMarker ? plain(intro.text) : '';
  const items = list.items.map((i) => plain((blocks[i] as Block).text));
  let score = 0;
  if (/:\s*$/.test(text)) score += 1;
  if (ASK_INTRO.test(text) || /\bto:\s*$/i.test(text)) score += 2;
  const verbs = items.filter((t) => ASK_ITEM.test(t)).length;
  if (verbs >= Math.max(1, items.length / 2)) score += 2;
  if (/^\d/.test((blocks[list.items[0] as number] as Block).listMarker ?? '')) score += 1;
  // Event details ("What: …", "Cuándo: …") and short labels are not asks.
  if (items.filter((t) => /^\p{L}[\p{L} ,]{0,20}:/u.test(t)).length > items.length / 2) score -= 3;
  return score >= p.askMinScore;
}

const ASK_ITEM =
  /^(?:(?:exig|ped|pedi|dem[aá]nd|solicit|llam|inst|reclam|urg|exhort|rechaz|call|ask|request|demand|urge)\p{L}*|\p{L}{3,}(?:ar|er|ir)(?:se|le|les|lo|la)?)\b/iu;

export function extractRecommendations(
  blocks: Block[],
  lists: FoundList[],
  p: ImportParams = DEFAULT_PARAMS,
): { text: string; index: number }[] {
  return lists
    .filter((list) => isAskList(blocks, list, p))
    .flatMap((list) => list.items.map((index) => ({ index, text: plain((blocks[index] as Block).text) })))
    .filter((r) => r.text !== '');
}
