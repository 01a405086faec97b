/**
 * The release editor's one Save: the release's fields and timing, its contacts, highlights and
 * boilerplates, and its body, checked together and written in one transaction against one version
 * (a stale page is a Conflict, nothing written), with one audit row holding all of it before and after.
 */
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Problems } from '../../platform/forms/problems.js';
import { type Editor, updateVersioned, versionedChange } from '../../platform/write.js';
import { type BlockInput, checkBlocks, planBlocks } from './blocks-service.js';
import {
  changeRelease,
  checkLists,
  checkReleaseFields,
  currentList,
  type ReleaseFields,
  type ReleaseList,
  type ReleaseRow,
  releaseAudit,
  releaseValues,
  replaceList,
} from './edit-service.js';

export interface ReleaseEdit extends ReleaseFields {
  slug: string;
  version: number;
  contacts: number[];
  highlights: number[];
  boilerplates: number[];
  blocks: BlockInput[];
}

const LISTS = ['contacts', 'highlights', 'boilerplates'] as const satisfies ReleaseList[];

/**
 * Ticked highlights show only where the body has a "Highlights list" block: with none, the save adds
 * one at the end of the body (the editor's hint says so), so ticking them is never silently lost.
 */
export function withHighlightsBlock(blocks: BlockInput[], highlights: number[]): BlockInput[] {
  if (highlights.length === 0 || blocks.some((b) => b.kind === 'highlights')) return blocks;
  return [...blocks, { kind: 'highlights', text: {} }];
}

export async function saveRelease(db: Db, input: ReleaseEdit, user: Editor, now: Date): Promise<ReleaseRow> {
  return changeRelease(db, user, input.slug, async (tx, before) => {
    const lists = Object.fromEntries(LISTS.map((l) => [l, [...new Set(input[l])]])) as Record<ReleaseList, number[]>;
    const blocks = withHighlightsBlock(input.blocks, lists.highlights);
    const problems = new Problems();
    const embargo = await checkReleaseFields(tx, before, input, problems, now);
    await checkLists(tx, input.statementId, lists, problems);
    await checkBlocks(tx, blocks, problems);
    problems.throwIfAny();
    const oldLists = Object.fromEntries(
      await Promise.all(LISTS.map(async (l) => [l, await currentList(tx, before.id, l)] as const)),
    );
    const body = await planBlocks(tx, before.id, blocks, input.originalLocale);
    const after = await updateVersioned(tx, {
      ...versionedChange(t.releases, 'release', before, input.version, 'update', user, now),
      set: releaseValues(before, input, embargo),
      audit: {
        before: { ...releaseAudit(before), ...oldLists, blocks: body.before },
        after: (row) => ({ ...releaseAudit(row), ...lists, blocks: body.after }),
      },
    });
    for (const l of LISTS) await replaceList(tx, before.id, l, lists[l]);
    await body.write();
    return after;
  });
}
