/**
 * The public search filters on each row's stored span (`public_from`, `public_until`) instead of asking
 * platform/visibility.ts at query time. These tests hold the two to the same answer: for a mixed set of
 * statements, recommendations, releases, follow-up entries and organizations in every state, at instants
 * around every embargo and withdrawal (no write in between: the clock alone), the public search finds
 * exactly what the rule's own functions say is public; after writes that change states, the triggers
 * carry the change to every row that follows a statement. And the installed database function is the one
 * rendered from visibility.ts today, so a change of the rule without a migration fails here.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import {
  followupVisibilityState,
  type PublicationStatus,
  publicFollowupCondition,
  publicReleasesCondition,
  publicStatementsCondition,
  releaseVisibility,
  visibilityState,
} from '../../platform/visibility.js';
import { readSearchRequest, search } from './index.js';
import { publicWindowsFunctionBody } from './public-windows.js';
import type { EntriesBy } from './request.js';

const T = new Date('2026-06-01T12:00:00Z');
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T.getTime() + minutes * MINUTE);

/** Statement states: status, embargo and withdrawal (minutes from T). */
const STATEMENT_STATES: [PublicationStatus, number | null, number | null][] = [
  ['draft', null, null],
  ['draft', -60, null],
  ['published', null, null],
  ['published', 60, null],
  ['published', -60, null],
  ['published', null, -60],
  ['published', null, 120],
  ['published', 60, 120],
  ['published', 120, 60],
];
/** Release states, each given to a release of every statement and to one of none. */
const RELEASE_STATES: [PublicationStatus, number | null, number | null][] = [
  ['draft', null, null],
  ['published', null, null],
  ['published', 30, null],
  ['published', 180, null],
  ['published', null, 90],
];
/** Instants to ask at: T, and just before and at every change the states above schedule. */
const INSTANTS = [0, ...[-60, 30, 60, 90, 120, 180].flatMap((m) => [m - 1 / 60_000, m])].map(at);

const text = (s: string) => localized('en', s);
const WORD = 'quokka';
/** Every item's text has the shared word and its own token (qk1, qk2, …), read back from the hits. */
const tokensOf = (s: string) => new Set(s.match(/qk\d+/g) ?? []);

describeEachEngine('search: stored spans agree with the visibility rule', (ctx) => {
  let token = 0;
  const next = () => `qk${++token}`;
  /** Item token → its kind and source id. */
  const items = new Map<string, { kind: t.SearchKind; id: number }>();

  beforeAll(async () => {
    const db = ctx.db;
    const [addressee] = await db
      .insert(t.addressees)
      .values({ slug: 'spans-gov', name: text('Government'), kind: 'government' })
      .returning();
    const statementIds: number[] = [];
    for (const [i, [status, embargo, withdrawn]] of STATEMENT_STATES.entries()) {
      const k = next();
      const [s] = await db
        .insert(t.statements)
        .values({
          slug: `spans-${i}`,
          title: text(`${WORD} statement ${k}`),
          date: '2026-01-01',
          status,
          embargoUntil: embargo === null ? null : at(embargo),
          withdrawnAt: withdrawn === null ? null : at(withdrawn),
        })
        .returning();
      items.set(k, { kind: 'statement', id: s!.id });
      statementIds.push(s!.id);
      const rk = next();
      const [r] = await db
        .insert(t.recommendations)
        .values({ statementId: s!.id, slug: `spans-r${i}`, position: 1, text: text(`${WORD} recommendation ${rk}`) })
        .returning();
      items.set(rk, { kind: 'recommendation', id: r!.id });
      for (const publication of ['draft', 'published'] as const) {
        const fk = next();
        const [f] = await db
          .insert(t.followupResponses)
          .values({
            recommendationId: r!.id,
            addresseeId: addressee!.id,
            position: 'accepted',
            date: '2026-02-01',
            summary: text(`${WORD} response ${fk}`),
            publication,
          })
          .returning();
        items.set(fk, { kind: 'followup_response', id: f!.id });
        const uk = next();
        const [u] = await db
          .insert(t.followupStatusUpdates)
          .values({
            recommendationId: r!.id,
            statementId: s!.id,
            status: 'in_progress',
            date: '2026-02-02',
            summary: text(`${WORD} update ${uk}`),
            publication,
          })
          .returning();
        items.set(uk, { kind: 'followup_status_update', id: u!.id });
      }
    }
    for (const statementId of [null, ...statementIds]) {
      for (const [status, embargo, withdrawn] of RELEASE_STATES) {
        const k = next();
        const [r] = await db
          .insert(t.releases)
          .values({
            slug: `spans-release-${k}`,
            statementId,
            status,
            embargoedUntil: embargo === null ? null : at(embargo),
            withdrawnAt: withdrawn === null ? null : at(withdrawn),
            releaseDate: '2026-03-01',
            headline: text(`${WORD} release ${k}`),
          })
          .returning();
        items.set(k, { kind: 'release', id: r!.id });
      }
    }
    for (const archived of [false, true]) {
      const k = next();
      const [o] = await db
        .insert(t.organizations)
        .values({ slug: `spans-org-${k}`, name: `${WORD} organization ${k}`, archivedAt: archived ? T : null })
        .returning();
      items.set(k, { kind: 'organization', id: o!.id });
    }
  });

  /** The rule's own answer (visibility.ts's functions on the source rows), as item tokens. */
  async function publicByRule(now: Date): Promise<Set<string>> {
    const db = ctx.db;
    const statements = new Map((await db.select().from(t.statements)).map((s) => [s.id, s]));
    const recommendations = new Map((await db.select().from(t.recommendations)).map((r) => [r.id, r]));
    const releases = new Map((await db.select().from(t.releases)).map((r) => [r.id, r]));
    const responses = new Map((await db.select().from(t.followupResponses)).map((f) => [f.id, f]));
    const updates = new Map((await db.select().from(t.followupStatusUpdates)).map((f) => [f.id, f]));
    const organizations = new Map((await db.select().from(t.organizations)).map((o) => [o.id, o]));
    const found = new Set<string>();
    for (const [k, { kind, id }] of items) {
      let isPublic: boolean;
      if (kind === 'statement') isPublic = visibilityState(statements.get(id)!, now) === 'published';
      else if (kind === 'recommendation') {
        isPublic = visibilityState(statements.get(recommendations.get(id)!.statementId)!, now) === 'published';
      } else if (kind === 'release') {
        const r = releases.get(id)!;
        isPublic = releaseVisibility(r, r.statementId ? statements.get(r.statementId)! : null, now) === 'published';
      } else if (kind === 'followup_response') {
        const f = responses.get(id)!;
        const s = statements.get(recommendations.get(f.recommendationId)!.statementId)!;
        isPublic = followupVisibilityState(f, s, now) === 'published';
      } else if (kind === 'followup_status_update') {
        const f = updates.get(id)!;
        isPublic = followupVisibilityState(f, statements.get(f.statementId)!, now) === 'published';
      } else isPublic = organizations.get(id)!.archivedAt === null;
      if (isPublic) found.add(k);
    }
    return found;
  }

  /** What the search finds for the shared word, every page, as item tokens. */
  async function found(
    now: Date,
    audience: 'public' | 'unpublished' = 'public',
    entriesBy: EntriesBy = 'words',
  ): Promise<Set<string>> {
    const tokens = new Set<string>();
    for (let page = 1; ; page++) {
      const request = readSearchRequest({ q: WORD, page: String(page) });
      const result = await search(ctx.db, request, 'en', now, audience, entriesBy);
      for (const hit of result.hits) {
        for (const k of tokensOf(`${hit.title} ${hit.excerpt}`)) tokens.add(k);
      }
      if (!result.hasNext) return tokens;
    }
  }

  const sorted = (s: Set<string>) => [...s].sort();

  it('the installed search_public_windows() is the rule as visibility.ts renders it today', async () => {
    const [row] = await queryRows<{ prosrc: string }>(
      ctx.db,
      sql`select prosrc from pg_proc where proname = 'search_public_windows'`,
    );
    // On failure: platform/visibility.ts's rule changed. Add a migration (`npx drizzle-kit generate --custom`)
    // with the statement publicWindowsFunctionSql() prints, then `select search_update_windows(kind, null)`
    // for each kind, so the stored spans follow the new rule.
    expect(row?.prosrc).toBe(publicWindowsFunctionBody());
  });

  it('the public search finds what the rule makes public, at instants around every change, with no write', async () => {
    expect(items.size).toBeGreaterThan(100);
    for (const [i, now] of INSTANTS.entries()) {
      // The entries found by the full-text index, and (every other instant) by reading rows, as for common words.
      expect(sorted(await found(now, 'public', 'index')), now.toISOString()).toEqual(sorted(await publicByRule(now)));
      if (i % 2 === 0)
        expect(sorted(await found(now, 'public', 'scan')), now.toISOString()).toEqual(sorted(await publicByRule(now)));
    }
    // Neither nothing nor everything: the instants above see different answers.
    const sizes = new Set(await Promise.all(INSTANTS.map(async (now) => (await publicByRule(now)).size)));
    expect(sizes.size).toBeGreaterThan(3);
  });

  it('the stored spans agree with the rule’s SQL conditions too, kind by kind', async () => {
    for (const now of INSTANTS) {
      const rows = await queryRows<{ kind: string; source_id: number; stored: boolean; rule: boolean }>(
        ctx.db,
        sql`select d.kind, d.source_id,
            coalesce(d.public_from <= ${now} and (d.public_until is null or d.public_until > ${now}), false) as stored,
            case d.kind
              when 'statement' then exists (select 1 from ${t.statements} where ${t.statements.id} = d.source_id and ${publicStatementsCondition(now)})
              when 'recommendation' then exists (select 1 from ${t.statements} where ${t.statements.id} = d.statement_id and ${publicStatementsCondition(now)})
              when 'release' then exists (select 1 from ${t.releases} where ${t.releases.id} = d.source_id and ${publicReleasesCondition(now)})
              when 'organization' then exists (select 1 from ${t.organizations} where ${t.organizations.id} = d.source_id and ${t.organizations.archivedAt} is null)
              when 'followup_response' then exists (select 1 from ${t.followupResponses} join ${t.recommendations} on ${t.recommendations.id} = ${t.followupResponses.recommendationId}
                join ${t.statements} on ${t.statements.id} = ${t.recommendations.statementId}
                where ${t.followupResponses.id} = d.source_id and ${publicFollowupCondition(t.followupResponses.publication, now)})
              else exists (select 1 from ${t.followupStatusUpdates} join ${t.statements} on ${t.statements.id} = ${t.followupStatusUpdates.statementId}
                where ${t.followupStatusUpdates.id} = d.source_id and ${publicFollowupCondition(t.followupStatusUpdates.publication, now)})
            end as rule
          from search_documents d`,
      );
      expect(rows.length).toBeGreaterThan(100);
      expect(rows.filter((r) => r.stored !== r.rule)).toEqual([]);
    }
  });

  it('writes that change a state carry to every row that follows it; the workspace search finds all', async () => {
    const ids = (kind: t.SearchKind) => [...items.values()].filter((i) => i.kind === kind).map((i) => i.id);
    const statementIds = ids('statement');
    // Publish the drafts with an embargo, withdraw a public statement now, publish every draft entry,
    // hold every release with a statement until later.
    await ctx.db
      .update(t.statements)
      .set({ status: 'published', embargoUntil: at(45) })
      .where(inArray(t.statements.id, statementIds.slice(0, 2)));
    await ctx.db
      .update(t.statements)
      .set({ withdrawnAt: at(15) })
      .where(eq(t.statements.id, statementIds[2]!));
    await ctx.db.update(t.followupResponses).set({ publication: 'published' });
    await ctx.db
      .update(t.releases)
      .set({ embargoedUntil: at(150) })
      .where(sql`${t.releases.statementId} is not null`);
    for (const now of [at(0), at(15), at(45), at(150)]) {
      expect(sorted(await found(now)), now.toISOString()).toEqual(sorted(await publicByRule(now)));
    }
    expect(sorted(await found(T, 'unpublished'))).toEqual(sorted(new Set(items.keys())));
  });
});

describe('publicWindowsFunctionBody', () => {
  it('inlines every value (the function is plain text in a migration)', () => {
    const body = publicWindowsFunctionBody();
    expect(body).not.toMatch(/\$\d/);
    expect(body).toContain(`"statements"."status" = 'published'`);
  });
});
