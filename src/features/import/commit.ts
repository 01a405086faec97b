/**
 * Writes a confirmed import plan in one transaction: the proposed organizations and people, then the
 * release as a DRAFT (never public: publishing stays a separate, deliberate act), each with an audit
 * row. Any failure rolls everything back, so an import is all or nothing.
 */
import { type Actor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden } from '../../platform/errors.js';
import { freeSlug } from '../../platform/forms/problems.js';
import { canEditRelease, type PolicyUser } from '../../platform/policy.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { normalizePhone } from '../registry/index.js';
import { insertReleaseParts } from '../releases/index.js';
import { type ImportPlan, slugify } from './plan.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface ImportResult {
  releaseId: number;
  slug: string;
  createdOrganizations: string[];
  createdPeople: string[];
}

/** `user` is checked against the release policy; the CLI (an operator at the console) passes `'operator'`. */
export async function commitImport(
  db: Db,
  plan: ImportPlan,
  user: PolicyUser | 'operator',
  actor: Actor,
  now: Date,
): Promise<ImportResult> {
  if (user !== 'operator' && !canEditRelease(user)) throw new Forbidden('You may not import releases');
  const r = plan.extraction.release;
  const lang = r.language;
  const text = (value: string | null | undefined): LocalizedText =>
    value && value.trim() !== '' ? { [lang]: { text: value.trim(), origin: 'original' } } : {};
  const audit = (tx: Tx, entityType: string, entityId: number, after: Record<string, unknown>) =>
    writeAudit(tx, { actor, at: now, entityType, entityId, action: 'import', before: null, after });

  return db.transaction(async (tx) => {
    const orgIds = new Map<string, number>();
    const createdOrganizations: string[] = [];
    for (const o of plan.organizations) {
      if (o.match) {
        orgIds.set(o.name, o.match.id);
        continue;
      }
      const values = {
        slug: await freeSlug(tx, t.organizations, slugify(o.name)),
        name: o.name,
        boilerplate: text(o.boilerplate?.text),
        website: o.boilerplate?.website ? withScheme(o.boilerplate.website) : null,
      };
      const [row] = await tx.insert(t.organizations).values(values).returning({ id: t.organizations.id });
      const id = (row as { id: number }).id;
      orgIds.set(o.name, id);
      createdOrganizations.push(o.name);
      await audit(tx, 'organization', id, values);
    }

    const personIds = new Map<string, number>();
    const createdPeople: string[] = [];
    for (const p of plan.people) {
      if (p.match) {
        personIds.set(p.name, p.match.id);
        continue;
      }
      const values = {
        slug: await freeSlug(tx, t.people, slugify(p.name)),
        name: p.name,
        role: text(p.role),
        organizationId: p.organization ? (orgIds.get(p.organization) ?? null) : null,
        email: p.email,
        phone: p.phone ? e164OrNull(p.phone) : null,
        isPressContact: p.contact,
      };
      const [row] = await tx.insert(t.people).values(values).returning({ id: t.people.id });
      const id = (row as { id: number }).id;
      personIds.set(p.name, id);
      createdPeople.push(p.name);
      await audit(tx, 'person', id, values);
    }

    const release = {
      slug: plan.slug,
      status: 'draft' as const,
      embargoedUntil: null,
      releaseDate: r.date ?? now.toISOString().slice(0, 10),
      headline: text(r.headline),
      subheadline: text(r.subheadline),
      datelinePlace: text(r.dateline_place),
      lead: text(plan.lead),
      endMark: r.end_mark ?? '###',
    };
    const [row] = await tx.insert(t.releases).values(release).returning({ id: t.releases.id });
    const releaseId = (row as { id: number }).id;
    await insertReleaseParts(tx, releaseId, {
      contactIds: plan.people.filter((p) => p.contact).map((p) => personIds.get(p.name) as number),
      blocks: plan.body.map((b) => ({
        kind: b.kind,
        text: text(b.kind === 'highlights' ? b.intro : b.text),
        personId: b.kind === 'quote' ? (personIds.get(b.speaker) ?? null) : null,
      })),
      highlights: r.recommendations.map((rec) => ({ text: text(rec) })),
      boilerplateIds: [
        ...new Set(plan.organizations.filter((o) => o.boilerplate).map((o) => orgIds.get(o.name) as number)),
      ],
    });
    await audit(tx, 'release', releaseId, { ...release, source: 'import' });
    return { releaseId, slug: plan.slug, createdOrganizations, createdPeople };
  });
}

function withScheme(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}

/** A phone the registry can store (E.164), trying the U.S. reading for national numbers; else none. */
export function e164OrNull(phone: string): string | null {
  for (const region of [undefined, 'US']) {
    try {
      return normalizePhone(phone, region);
    } catch {
      // try the next reading
    }
  }
  return null;
}
