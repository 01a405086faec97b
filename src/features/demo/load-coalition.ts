/**
 * Loads a coalition written as data (the demo) into the database. Idempotent: rows are matched
 * by slug and never overwritten, so loading twice adds nothing and keeps any edits made since.
 * All or nothing: one transaction.
 */
import { inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { type LocalizedText, localized } from '../../platform/text/localized-text.js';
import { normalizePhone } from '../registry/index.js';
import type { CoalitionData, OneLanguageText, StatementData } from './coalition-data.js';
import { insertReleaseIfNew } from './load-release.js';

export interface LoadReport {
  organizations: number;
  people: number;
  themes: number;
  addressees: number;
  statements: number;
  releases: number;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type SlugMap = Map<string, number>;

export async function loadCoalition(db: Db, data: CoalitionData): Promise<LoadReport> {
  const text = (value: OneLanguageText | undefined) => toLocalized(value, data.originalLocale);
  const report = await db.transaction(async (tx) => {
    const organizations = await upsertBySlug(
      tx,
      t.organizations,
      data.organizations.map((o) => ({
        slug: o.slug,
        name: o.name,
        acronym: o.acronym ?? null,
        aliases: o.aliases ?? [],
        localizedName: text(o.localizedName),
        boilerplate: text(o.boilerplate),
        website: o.website ?? null,
        country: o.country ?? null,
        kind: o.kind,
      })),
    );
    const people = await upsertBySlug(
      tx,
      t.people,
      data.people.map((p) => ({
        slug: p.slug,
        name: p.name,
        role: text(p.role),
        organizationId: p.organization ? need(organizations.ids, p.organization, 'organization') : null,
        email: p.email ?? null,
        phone: p.phone ? normalizePhone(p.phone, p.phoneRegion) : null,
        isPressContact: p.isPressContact,
      })),
    );
    const themes = await upsertBySlug(
      tx,
      t.themes,
      data.themes.map((th, position) => ({ slug: th.slug, label: text(th.label), position })),
    );
    // Parents before children, so a parent's id is known when its child is written.
    const addressees = { ids: new Map() as SlugMap, created: 0 };
    for (const a of data.addressees) {
      const one = await upsertBySlug(tx, t.addressees, [
        {
          slug: a.slug,
          name: text(a.name),
          kind: a.kind,
          country: a.country ?? null,
          parentId: a.parent ? need(addressees.ids, a.parent, 'addressee') : null,
        },
      ]);
      for (const [slug, id] of one.ids) addressees.ids.set(slug, id);
      addressees.created += one.created;
    }
    let statements = 0;
    for (const statement of data.statements) {
      const created = await insertStatementIfNew(tx, statement, text, {
        organizations: organizations.ids,
        people: people.ids,
        themes: themes.ids,
        addressees: addressees.ids,
      });
      if (created) statements++;
    }
    let releases = 0;
    for (const release of data.releases ?? []) {
      if (await insertReleaseIfNew(tx, release, text)) releases++;
    }
    return {
      organizations: organizations.created,
      people: people.created,
      themes: themes.created,
      addressees: addressees.created,
      statements,
      releases,
    };
  });
  // PGlite has no autovacuum: fresh statistics keep the first queries after a bulk load fast.
  await db.execute(sql`analyze`);
  return report;
}

interface Refs {
  organizations: SlugMap;
  people: SlugMap;
  themes: SlugMap;
  addressees: SlugMap;
}

/** A statement that already exists is left alone entirely: its editors own it now. */
async function insertStatementIfNew(
  tx: Tx,
  s: StatementData,
  text: (v: OneLanguageText | undefined) => LocalizedText,
  refs: Refs,
): Promise<boolean> {
  const [row] = await tx
    .insert(t.statements)
    .values({
      slug: s.slug,
      title: text(s.title),
      summary: text(s.summary),
      body: text(s.body),
      occasion: text(s.occasion),
      date: s.date,
      status: s.status,
      fullDocumentUrl: s.fullDocumentUrl ?? null,
    })
    .onConflictDoNothing({ target: t.statements.slug })
    .returning({ id: t.statements.id });
  if (!row) return false;
  const statementId = row.id;

  if (s.addressees.length > 0) {
    await tx.insert(t.statementAddressees).values(
      s.addressees.map((slug, position) => ({
        statementId,
        addresseeId: need(refs.addressees, slug, 'addressee'),
        position,
      })),
    );
  }
  if (s.signatories.length > 0) {
    await tx.insert(t.signatories).values(
      s.signatories.map((sig, position) => ({
        statementId,
        organizationId: need(refs.organizations, sig.organization, 'organization'),
        role: sig.role,
        position,
      })),
    );
  }
  for (const [position, r] of s.recommendations.entries()) {
    const [rec] = await tx
      .insert(t.recommendations)
      .values({ statementId, slug: r.slug, position, text: text(r.text) })
      .returning({ id: t.recommendations.id });
    const recommendationId = rec!.id;
    if (r.themes.length > 0) {
      await tx
        .insert(t.recommendationThemes)
        .values(r.themes.map((slug) => ({ recommendationId, themeId: need(refs.themes, slug, 'theme') })));
    }
    if (r.addressees.length > 0) {
      await tx
        .insert(t.recommendationAddressees)
        .values(
          r.addressees.map((slug) => ({ recommendationId, addresseeId: need(refs.addressees, slug, 'addressee') })),
        );
    }
  }
  if (s.quotes.length > 0) {
    await tx.insert(t.quotes).values(
      s.quotes.map((q, position) => ({
        statementId,
        personId: need(refs.people, q.person, 'person'),
        text: text(q.text),
        position,
      })),
    );
  }
  return true;
}

type SluggedTable = typeof t.organizations | typeof t.people | typeof t.themes | typeof t.addressees;

/** Inserts rows whose slug is new; returns every slug's id and how many were created. */
async function upsertBySlug<T extends SluggedTable>(
  tx: Tx,
  table: T,
  rows: (T['$inferInsert'] & { slug: string })[],
): Promise<{ ids: SlugMap; created: number }> {
  if (rows.length === 0) return { ids: new Map(), created: 0 };
  const inserted = await tx
    .insert(table)
    // biome-ignore lint/suspicious/noExplicitAny: the four tables share slug/id; Drizzle cannot express a union insert.
    .values(rows as any)
    .onConflictDoNothing({ target: table.slug })
    .returning({ id: table.id });
  const slugs = rows.map((r) => r.slug);
  const all = await tx
    .select({ id: table.id, slug: table.slug })
    .from(table as SluggedTable)
    .where(inArray(table.slug, slugs));
  return { ids: new Map(all.map((r) => [r.slug, r.id])), created: inserted.length };
}

function need(ids: SlugMap, slug: string, what: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`The coalition data refers to ${what} "${slug}", which it does not define.`);
  return id;
}

/** The original language's text is the original; any other language is a translation of it. */
function toLocalized(value: OneLanguageText | undefined, originalLocale: Locale): LocalizedText {
  if (!value) return {};
  const originalText = value[originalLocale];
  if (originalText) {
    const { [originalLocale]: _, ...translations } = value;
    return localized(originalLocale, originalText, translations);
  }
  // Published only in another language: that text is the original.
  const [locale, only] = Object.entries(value).find(([, v]) => v) ?? [];
  return locale && only ? localized(locale as Locale, only) : {};
}

/** One query, as every start asks it: no organization and no statement. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ empty: boolean }>(
    db,
    sql`select not exists (select 1 from ${t.organizations}) and not exists (select 1 from ${t.statements}) as empty`,
  );
  return row?.empty === true;
}
