/**
 * A release's ordered parts (contacts, body blocks, highlights, boilerplates), written in one place:
 * by the importer and the demo loader when a release is created, and by the editor's list changes.
 * Positions follow the order given.
 */
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';

export interface ReleaseParts {
  /** People, in the order the contacts are listed. */
  contactIds: number[];
  blocks: { kind: (typeof t.releaseBlocks.$inferInsert)['kind']; text: LocalizedText; personId: number | null }[];
  /** A picked recommendation of the release's statement, or a typed bullet. */
  highlights: ({ recommendationId: number } | { text: LocalizedText })[];
  /** Organizations whose "About" paragraphs close the release, in order. */
  boilerplateIds: number[];
}

/** The parts of a release just created. */
export async function insertReleaseParts(tx: Db, releaseId: number, parts: ReleaseParts): Promise<void> {
  await insertContacts(tx, releaseId, parts.contactIds);
  if (parts.blocks.length > 0) {
    await tx.insert(t.releaseBlocks).values(parts.blocks.map((block, position) => ({ releaseId, position, ...block })));
  }
  if (parts.highlights.length > 0) {
    await tx
      .insert(t.releaseHighlights)
      .values(parts.highlights.map((highlight, position) => ({ releaseId, position, ...highlight })));
  }
  await insertBoilerplates(tx, releaseId, parts.boilerplateIds);
}

export async function insertContacts(tx: Db, releaseId: number, personIds: number[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx.insert(t.releaseContacts).values(personIds.map((personId, position) => ({ releaseId, personId, position })));
}

export async function insertBoilerplates(tx: Db, releaseId: number, organizationIds: number[]): Promise<void> {
  if (organizationIds.length === 0) return;
  await tx
    .insert(t.releaseBoilerplates)
    .values(organizationIds.map((organizationId, position) => ({ releaseId, organizationId, position })));
}
