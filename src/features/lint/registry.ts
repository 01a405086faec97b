/**
 * The registry as the linter sees it: every organization's names (name, aliases, names per language),
 * acronym and website, loaded once per lint. Resolution follows the importer's order: exact key, alias,
 * acronym, then trigram similarity at the importer's threshold.
 */
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { acronymOf, cleanOrgName, FUZZY_THRESHOLD } from '../release-text/index.js';
import { similarity } from './trigram.js';

export interface RegistryOrg {
  slug: string;
  name: string;
  names: string[];
  acronym: string | null;
  website: string | null;
}

export async function loadRegistry(db: Db): Promise<RegistryOrg[]> {
  const rows = await db.select().from(t.organizations);
  return rows.map((o) => ({
    slug: o.slug,
    name: o.name,
    names: [o.name, ...o.aliases, o.localizedName.en?.text, o.localizedName.es?.text].filter(
      (n): n is string => typeof n === 'string' && n.trim() !== '',
    ),
    acronym: o.acronym,
    website: o.website,
  }));
}

export const nameKey = (name: string) =>
  cleanOrgName(name).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');

/** One lint asks about the same few names many times (every pair of mentions): remember the answers. */
const resolved = new WeakMap<RegistryOrg[], Map<string, RegistryOrg | null>>();

export function resolveOrg(registry: RegistryOrg[], raw: string): RegistryOrg | null {
  let memo = resolved.get(registry);
  if (!memo) {
    memo = new Map();
    resolved.set(registry, memo);
  }
  if (memo.has(raw)) return memo.get(raw) ?? null;
  const answer = resolveUncached(registry, raw);
  memo.set(raw, answer);
  return answer;
}

function resolveUncached(registry: RegistryOrg[], raw: string): RegistryOrg | null {
  const key = nameKey(raw);
  const exact = registry.find((o) => o.names.some((n) => nameKey(n) === key));
  if (exact) return exact;
  const acronym = acronymOf(raw) ?? (/^\p{Lu}{2,}$/u.test(cleanOrgName(raw)) ? cleanOrgName(raw) : null);
  const byAcronym = acronym ? registry.find((o) => o.acronym?.toLowerCase() === acronym.toLowerCase()) : undefined;
  if (byAcronym) return byAcronym;
  let best: RegistryOrg | null = null;
  let score = 0;
  for (const o of registry) {
    for (const n of o.names) {
      const s = similarity(cleanOrgName(n), cleanOrgName(raw));
      if (s > score) [best, score] = [o, s];
    }
  }
  return score >= FUZZY_THRESHOLD ? best : null;
}

/** Two names in the text for the same organization: one registry entry, or (no registry entry) similar names. */
export function sameOrganization(registry: RegistryOrg[], a: string, b: string): boolean {
  const ra = resolveOrg(registry, a);
  const rb = resolveOrg(registry, b);
  if (ra || rb) return ra?.slug === rb?.slug;
  return similarity(cleanOrgName(a), cleanOrgName(b)) >= FUZZY_THRESHOLD;
}
