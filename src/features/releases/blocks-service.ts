/** The body of a release after the lead: paragraphs, quotes and the highlights list, replaced as a whole, in order. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Problems } from '../../platform/forms/problems.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { anyText, mergeLocalized, type TextInput } from '../../platform/text/localized-input.js';
import { type Editor, updateVersioned, versionedChange } from '../../platform/write.js';
import { missingIds } from '../statements/index.js';
import { changeRelease, type ReleaseRow } from './edit-service.js';

/** The longest block text, per language (the form's maxlength too). */
export const BLOCK_MAX = 10_000;

export interface BlockInput {
  /** An existing block's id, so its translations keep their state. */
  id?: number;
  kind: 'text' | 'quote' | 'highlights';
  text: TextInput;
  personId?: number | null;
}

/** Problems with a body as typed, named `block_{i}_…` after each block's place in the list. */
export async function checkBlocks(tx: Db, blocks: BlockInput[], problems: Problems): Promise<void> {
  for (const [i, b] of blocks.entries()) {
    if (b.kind === 'quote' && !b.personId) problems.add(`block_${i}_person`, 'workspaceErrRequired');
    if (b.kind !== 'highlights' && !anyText(b.text)) problems.add(`block_${i}_text`, 'workspaceErrRequiredOneLanguage');
    problems.maxLengthEach(`block_${i}_text`, b.text, BLOCK_MAX);
  }
  const personIds = blocks.flatMap((b) => (b.kind === 'quote' && b.personId ? [b.personId] : []));
  if ((await missingIds(tx, t.people, personIds)).length > 0) problems.add('blocks', 'workspaceErrChoice');
}

type BlockSummary = { kind: string; text: unknown; personId: number | null }[];
const summary = (bs: { kind: string; text: unknown; personId: number | null }[]): BlockSummary =>
  bs.map((b) => ({ kind: b.kind, text: b.text, personId: b.personId }));

/**
 * The rows that will replace the release's body (each existing block keeps its translations' state),
 * with the body before and after for the audit row; `write()` puts them in, after the version check.
 */
export async function planBlocks(tx: Db, releaseId: number, blocks: BlockInput[], originalLocale: Locale) {
  const old = await tx
    .select()
    .from(t.releaseBlocks)
    .where(eq(t.releaseBlocks.releaseId, releaseId))
    .orderBy(asc(t.releaseBlocks.position));
  const oldById = new Map(old.map((b) => [b.id, b]));
  const rows = blocks.map((b, position) => ({
    releaseId,
    position,
    kind: b.kind,
    text: mergeLocalized(oldById.get(b.id ?? -1)?.text ?? {}, b.text, originalLocale),
    personId: b.kind === 'quote' ? (b.personId ?? null) : null,
  }));
  return {
    before: summary(old),
    after: summary(rows),
    write: async () => {
      await tx.delete(t.releaseBlocks).where(eq(t.releaseBlocks.releaseId, releaseId));
      if (rows.length > 0) await tx.insert(t.releaseBlocks).values(rows);
    },
  };
}

/** The body after the lead, in order (the editor's "Add a block"): paragraphs, quotes and the highlights list. */
export async function setReleaseBlocks(
  db: Db,
  input: { slug: string; version: number; blocks: BlockInput[]; originalLocale: Locale },
  user: Editor,
  now: Date,
): Promise<ReleaseRow> {
  return changeRelease(db, user, input.slug, async (tx, before) => {
    const problems = new Problems();
    await checkBlocks(tx, input.blocks, problems);
    problems.throwIfAny();
    const body = await planBlocks(tx, before.id, input.blocks, input.originalLocale);
    const after = await updateVersioned(tx, {
      ...versionedChange(t.releases, 'release', before, input.version, 'set_blocks', user, now),
      audit: {
        before: { blocks: body.before, version: before.version },
        after: (row) => ({ blocks: body.after, version: row.version }),
      },
    });
    await body.write();
    return after;
  });
}
