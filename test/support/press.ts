/** Test data for the press feature: themes to use as beats, an embargoed bilingual release, a contacts CSV. */
import type { Db } from '../../src/platform/db/client.js';
import * as t from '../../src/platform/db/schema/index.js';
import { localized } from '../../src/platform/text/localized-text.js';

/** Two themes, `migration` and `justice`, as beats. */
export async function pressThemes(db: Db): Promise<void> {
  await db
    .insert(t.themes)
    .values([
      { slug: 'migration', label: localized('en', 'Migration', { es: 'Migración' }) },
      { slug: 'justice', label: localized('en', 'Justice', { es: 'Justicia' }) },
    ])
    .onConflictDoNothing();
}

export const RELEASE_HEADLINE = { en: 'Coalition asks for safe passage', es: 'La coalición pide un paso seguro' };

/** A published release in English and Spanish whose embargo lifts at `lift` (none: no embargo). */
export async function embargoedRelease(db: Db, slug: string, lift: Date | null) {
  const [release] = await db
    .insert(t.releases)
    .values({
      slug,
      status: 'published',
      embargoedUntil: lift,
      timeZone: 'America/Guatemala',
      releaseDate: '2026-06-01',
      headline: localized('en', RELEASE_HEADLINE.en, { es: RELEASE_HEADLINE.es }),
      datelinePlace: localized('en', 'Guatemala City', { es: 'Ciudad de Guatemala' }),
      lead: localized('en', 'Twelve organizations call on governments to act.', {
        es: 'Doce organizaciones piden a los gobiernos que actúen.',
      }),
    })
    .returning();
  return release!;
}

/**
 * Six contacts: two read Spanish, one reads both, three English; one is unsubscribed already, one has
 * an address the test SMTP server refuses (550), one is trusted under embargo.
 */
export const CONTACTS_CSV = [
  'name,outlet,email,languages,country,beats,notes,source,trusted,status',
  'Ana Ruiz,Diario MX,ana@diario.example,es,MX,migration,,Met at the 2025 forum,no,active',
  'Ben Hall,The Post,ben@post.example,en,US,justice,,Asked by email,yes,active',
  'Carla Paz,Radio GT,carla@radio.example,es;en,GT,migration,,Press conference,no,active',
  'Dan Moss,Wire,dan@wire.example,en,US,migration,,Old list,no,unsubscribed',
  'Eve Stone,The Times,eve@times.example,en,GB,justice,,Asked by email,no,active',
  'Rex Refused,Gone Daily,refused@gone.example,en,US,migration,,Old list,no,active',
].join('\n');
