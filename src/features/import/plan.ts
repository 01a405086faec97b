/**
 * The dry run: what an import would match and what it would create, read-only. `commitImport` writes
 * exactly this plan, so what the user confirmed is what lands.
 */
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { freeSlug, slugify as slugifyText } from '../../platform/forms/problems.js';
import type { ImportedBoilerplate } from '../release-text/index.js';
import {
  type Block,
  cleanOrgName,
  dateline,
  type Extraction,
  extractRelease,
  matchOrganization,
  matchPerson,
  plain,
  type RegistryMatch,
} from '../release-text/index.js';

export interface PlannedOrganization {
  name: string;
  match: RegistryMatch | null;
  boilerplate: ImportedBoilerplate | null;
}

export interface PlannedPerson {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  organization: string | null;
  contact: boolean;
  match: RegistryMatch | null;
}

export type PlannedBlock =
  | { kind: 'text'; text: string }
  | { kind: 'quote'; speaker: string; text: string }
  | { kind: 'highlights'; intro: string };

export interface ImportPlan {
  extraction: Extraction;
  slug: string;
  lead: string;
  body: PlannedBlock[];
  organizations: PlannedOrganization[];
  people: PlannedPerson[];
}

const nameKey = (name: string) =>
  cleanOrgName(name).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'");

export async function planImport(db: Db, text: string, language?: 'en' | 'es'): Promise<ImportPlan> {
  const extraction = extractRelease(text, language);
  const r = extraction.release;
  const organizations: PlannedOrganization[] = [];
  for (const name of [...r.organizations, ...r.boilerplates.map((b) => b.organization)]) {
    const match = await matchOrganization(db, name);
    const boilerplate = r.boilerplates.find((b) => nameKey(b.organization) === nameKey(name)) ?? null;
    const same = organizations.find((o) => (match && o.match?.id === match.id) || nameKey(o.name) === nameKey(name));
    if (same) same.boilerplate ??= boilerplate;
    else organizations.push({ name: cleanOrgName(name), match, boilerplate });
  }
  const people: PlannedPerson[] = [];
  const addPerson = async (p: Omit<PlannedPerson, 'match'>) => {
    const same = people.find((q) => nameKey(q.name) === nameKey(p.name));
    if (same) {
      same.contact ||= p.contact;
      same.role ??= p.role;
      return;
    }
    people.push({ ...p, match: await matchPerson(db, p.name) });
  };
  for (const c of r.contacts) {
    if (c.name) await addPerson({ ...c, name: c.name, role: null, contact: true });
  }
  for (const q of r.quotes) {
    if (q.speaker) {
      const organization = organizations.find((o) => q.role_or_org?.includes(o.name))?.name ?? null;
      await addPerson({ name: q.speaker, role: q.role_or_org, email: null, phone: null, organization, contact: false });
    }
  }
  return {
    extraction,
    slug: await freeSlug(db, t.releases, slugify(r.headline ?? `imported-release-${r.date ?? 'undated'}`)),
    ...body(extraction),
    organizations,
    people,
  };
}

/** The lead after its dateline, then paragraphs, quotes and the ask list's intro in order, up to the end mark. */
function body(x: Extraction): { lead: string; body: PlannedBlock[] } {
  const leadBlock = x.blocks[x.header.lead];
  const leadText = leadBlock ? leadBlock.text : '';
  const lead = dateline(plain(leadText))?.rest ?? leadText;
  const end = x.endMark ?? x.blocks.length;
  const skip = new Set<number>([
    ...x.lists.flatMap((l) => l.items),
    ...x.quotes.flatMap((q) => range(q.index, q.attributionIndex)),
    ...x.boilerplates.map((b) => b.index),
  ]);
  const quoteAt = new Map(x.quotes.map((q) => [Math.min(q.index, q.attributionIndex), q]));
  const askIntros = new Set(
    x.lists.filter((l) => l.items.some((i) => x.recommendations.some((r) => r.index === i))).map((l) => l.intro),
  );
  const out: PlannedBlock[] = [];
  for (let i = x.header.lead + 1; i < end; i++) {
    const quote = quoteAt.get(i);
    if (quote?.quote.speaker) out.push({ kind: 'quote', speaker: quote.quote.speaker, text: quote.quote.text });
    if (skip.has(i) || quote) continue;
    const block = x.blocks[i] as Block;
    if (askIntros.has(i)) out.push({ kind: 'highlights', intro: block.text });
    else out.push({ kind: 'text', text: block.text });
  }
  return { lead, body: out };
}

const range = (a: number, b: number) => Array.from({ length: Math.abs(b - a) + 1 }, (_, k) => Math.min(a, b) + k);

/** The platform's slug (whole words, at most 60 characters); "imported" when the text has no letters. */
export function slugify(text: string): string {
  return slugifyText(text, 60, 'imported');
}
