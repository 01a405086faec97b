/**
 * npx tsx scripts/measure-trgm.ts — the measurements behind FUZZY_THRESHOLD (src/features/import/match.ts):
 * on the demo registry, how similar are (a) the variants of registered names that releases actually print
 * and (b) the closest pairs of different registered organizations and people. The threshold must sit
 * between the lowest (a) and the highest (b).
 */

import { loadDemo } from '../src/features/demo/index.js';
import { nameSimilarity } from '../src/features/release-text/index.js';
import { openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import * as t from '../src/platform/db/schema/index.js';

const handle = await openDb({ engine: 'pglite', dataDir: null });
await runMigrations(handle);
await loadDemo(handle.db);
const orgs = await handle.db
  .select({ name: t.organizations.name, aliases: t.organizations.aliases })
  .from(t.organizations);
const people = await handle.db.select({ name: t.people.name }).from(t.people);

// Variants printed in the seed release and in the corpus for organizations of the demo registry, and
// plausible typing variants. None is an exact name or alias (those match before fuzzy matching).
const variants: [string, string][] = [
  [
    'Civil Society Articulating Group on Migration Issues',
    'Civil Society Articulating Group on Migration Issues for Guatemala',
  ],
  ['Faculty of Latin American Social Sciences', 'Faculty of Latin American Social Sciences Guatemala'],
  ['Pop Noj Association', "Pop No'j Association"],
  ['Asociación Pop No’j', "Pop No'j Association"],
  ['Red Jesuita con Migrantes Guatemala', 'Red Jesuita Con Migrantes'],
  ['Root Causes Initiative', 'Root Causes of Migration Initiative'],
  ['Alianza Americas Network', 'Alianza Americas'],
  ['American Friends Service Committee (AFSC) Guatemala', 'American Friends Service Committee'],
  ['Center for Justice & International Law', 'Center for Justice and International Law'],
  ['Migration & Development Platform', 'Migration and Development Platform'],
  ['Rosario Martinez', 'Rosario Martínez'],
  ['Nancy Trevino', 'Nancy Treviño'],
  ['Mirtha Colon', 'Mirtha Colón'],
];
process.stdout.write('Variants of the same name (must match):\n');
const same: number[] = [];
for (const [a, b] of variants) {
  const s = await nameSimilarity(handle.db, a, b);
  same.push(s);
  process.stdout.write(`  ${s.toFixed(2)}  ${a}  ~  ${b}\n`);
}
const names = orgs.flatMap((o) => [o.name, ...o.aliases]);
const pairs: [number, string, string][] = [];
for (const group of [names, people.map((p) => p.name)]) {
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) {
      const a = group[i] as string;
      const b = group[j] as string;
      const sameOrg = orgs.some((o) => [o.name, ...o.aliases].includes(a) && [o.name, ...o.aliases].includes(b));
      if (!sameOrg) pairs.push([await nameSimilarity(handle.db, a, b), a, b]);
    }
  }
}
pairs.sort((x, y) => y[0] - x[0]);
process.stdout.write('Closest different names in the registry (must not match):\n');
for (const [s, a, b] of pairs.slice(0, 5)) process.stdout.write(`  ${s.toFixed(2)}  ${a}  ~  ${b}\n`);
process.stdout.write(
  `lowest same-name similarity ${Math.min(...same).toFixed(2)}, highest different-name ${pairs[0]?.[0].toFixed(2)}\n`,
);
await handle.close();
