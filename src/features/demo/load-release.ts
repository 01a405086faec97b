/**
 * Writes a release given as data (the demo). Like the rest of the demo loader: a release whose slug
 * exists is left alone entirely, so its editors' changes survive a second load.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { insertReleaseParts } from '../releases/index.js';
import type { ReleaseData, TextPair } from './coalition-data.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function insertReleaseIfNew(
  tx: Tx,
  r: ReleaseData,
  text: (v: Partial<TextPair> | undefined) => LocalizedText,
): Promise<boolean> {
  const statementId = r.statement ? await idBySlug(tx, t.statements, r.statement, 'statement') : null;
  const [row] = await tx
    .insert(t.releases)
    .values({
      slug: r.slug,
      statementId,
      status: r.status,
      embargoedUntil: r.embargoedUntil ? new Date(r.embargoedUntil) : null,
      timeZone: r.timeZone,
      releaseDate: r.releaseDate,
      headline: text(r.headline),
      subheadline: text(r.subheadline),
      datelinePlace: text(r.datelinePlace),
      lead: text(r.lead),
      fullDocumentUrl: r.fullDocumentUrl ?? null,
      endMark: r.endMark ?? '###',
    })
    .onConflictDoNothing({ target: t.releases.slug })
    .returning({ id: t.releases.id });
  if (!row) return false;
  const releaseId = row.id;

  const people = await slugMap(tx, t.people, [
    ...r.contacts,
    ...r.blocks.flatMap((b) => (b.kind === 'quote' ? [b.person] : [])),
  ]);
  const recommendationSlugs = r.highlights.flatMap((h) => ('recommendation' in h ? [h.recommendation] : []));
  const recommendations =
    statementId === null || recommendationSlugs.length === 0
      ? new Map<string, number>()
      : new Map(
          (
            await tx
              .select({ id: t.recommendations.id, slug: t.recommendations.slug })
              .from(t.recommendations)
              .where(
                and(
                  eq(t.recommendations.statementId, statementId),
                  inArray(t.recommendations.slug, recommendationSlugs),
                ),
              )
          ).map((x) => [x.slug, x.id]),
        );
  const organizations = await slugMap(tx, t.organizations, r.boilerplates ?? []);
  await insertReleaseParts(tx, releaseId, {
    contactIds: r.contacts.map((slug) => need(people, slug, 'person')),
    blocks: r.blocks.map((b) => ({
      kind: b.kind,
      text: text(b.kind === 'highlights' ? b.intro : b.text),
      personId: b.kind === 'quote' ? need(people, b.person, 'person') : null,
    })),
    highlights: r.highlights.map((h) =>
      'recommendation' in h
        ? { recommendationId: need(recommendations, h.recommendation, 'recommendation') }
        : { text: text(h.text) },
    ),
    boilerplateIds: (r.boilerplates ?? []).map((slug) => need(organizations, slug, 'organization')),
  });
  return true;
}

type SluggedTable = typeof t.statements | typeof t.people | typeof t.organizations;

async function slugMap(tx: Tx, table: SluggedTable, slugs: string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await tx
    .select({ id: table.id, slug: table.slug })
    .from(table as SluggedTable)
    .where(inArray(table.slug, slugs));
  return new Map(rows.map((x) => [x.slug, x.id]));
}

async function idBySlug(tx: Tx, table: SluggedTable, slug: string, what: string): Promise<number> {
  return need(await slugMap(tx, table, [slug]), slug, what);
}

function need(ids: Map<string, number>, slug: string, what: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`The release data refers to ${what} "${slug}", which does not exist.`);
  return id;
}
