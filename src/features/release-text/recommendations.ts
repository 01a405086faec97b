/**
 * Recommendations: the items of a bulleted or numbered list introduced as asks ("Some of the specific
 * recommendations include:", "Le instamos … las siguientes medidas:"). Stray blank lines inside the list do
 * not end it; a paragraph does. A list of organization names is not a list of asks.
 */
import { isNamePhrase, isOrgLike } from './names.js';
import { type Block, plain } from './normalize.js';
import { DEFAULT_PARAMS, type ImportParams } from './params.js';

const ASK_INTRO =
  /\b(?:recommend\w*|urg\w*|call(?:s|ing)?\s+(?:on|upon|for)|ask\w*|demand\w*|request\w*|propos\w*|priorit\w*|steps|measures|actions|should|must|we\s+call|recomend\w*|inst\w+|ped\w+|pid\w+|exig\w+|solicit\w+|llam\w+\s+a|medidas|acciones|propuestas|exhort\w+|deb\w+|prioridades)\b/iu;

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

export function isAskList(blocks: Block[], list: FoundList, p: ImportParams = DEFAULT_PARAMS): boolean {
  const intro = blocks[list.intro];
  if (!intro || intro.listMarker) return false;
  const text = plain(intro.text);
  return /:\s*$/.test(text) && ASK_INTRO.test(text) && !isOrganizationList(blocks, list, p);
}

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
