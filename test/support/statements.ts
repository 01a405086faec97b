/** A small registry for editorial tests (and journeys run without the registry pages): rows as the registry holds them. */

import { expect } from 'vitest';
import { createUser } from '../../src/features/accounts/index.js';
import { systemActor } from '../../src/platform/audit.js';
import type { Db } from '../../src/platform/db/client.js';
import * as t from '../../src/platform/db/schema/index.js';
import { Invalid } from '../../src/platform/errors.js';
import { localized } from '../../src/platform/text/localized-text.js';
import type { Editor } from '../../src/platform/write.js';

export async function seedRegistry(db: Db) {
  const organizations = await db
    .insert(t.organizations)
    .values([
      {
        slug: 'red-norte',
        name: 'Red Norte',
        boilerplate: localized('es', 'Red Norte acompaña a personas migrantes.', {
          en: 'Red Norte accompanies migrants.',
        }),
      },
      {
        slug: 'justice-lab',
        name: 'Justice Lab',
        boilerplate: localized('en', 'Justice Lab litigates for human rights.', {
          es: 'Justice Lab litiga por los derechos humanos.',
        }),
      },
      { slug: 'casa-sur', name: 'Casa Sur', boilerplate: localized('es', 'Casa Sur es un albergue.') },
    ])
    .returning();
  const people = await db
    .insert(t.people)
    .values([
      {
        slug: 'ana-lopez',
        name: 'Ana López',
        organizationId: organizations[0]!.id,
        email: 'ana@rednorte.example',
        phone: '+50222223333',
        role: localized('es', 'Directora', { en: 'Director' }),
        isPressContact: true,
      },
      { slug: 'ben-ortiz', name: 'Ben Ortiz', organizationId: organizations[1]!.id, email: 'ben@justicelab.example' },
    ])
    .returning();
  const themes = await db
    .insert(t.themes)
    .values([
      { slug: 'asylum', label: localized('en', 'Asylum', { es: 'Asilo' }), position: 1 },
      { slug: 'root-causes', label: localized('en', 'Root causes', { es: 'Causas' }), position: 2 },
    ])
    .returning();
  const addressees = await db
    .insert(t.addressees)
    .values([
      {
        slug: 'us-government',
        name: localized('en', 'U.S. Government', { es: 'Gobierno de EE. UU.' }),
        kind: 'government',
      },
    ])
    .returning();
  return { organizations, people, themes, addressees };
}

let users = 0;
export async function editorUser(db: Db, role: 'editor' | 'admin' = 'editor'): Promise<Editor> {
  users += 1;
  return createUser(db, { email: `editor${users}-${role}@example.org`, role }, systemActor('test'), new Date());
}

export const statementInput = (
  overrides: Partial<
    Parameters<typeof import('../../src/features/statements/edit-service.js').createStatement>[1]
  > = {},
) => ({
  slug: '',
  title: { en: 'Protect people on the move', es: 'Proteger a las personas en movimiento' },
  summary: { en: 'Four asks.', es: 'Cuatro pedidos.' },
  occasion: { en: 'Visit of the Vice President', es: 'Visita de la Vicepresidenta' },
  body: { en: 'We **ask**.', es: 'Pedimos.' },
  date: '2026-11-20',
  fullDocumentUrl: '',
  originalLocale: 'en' as const,
  ...overrides,
});

/** The field problems a write was refused with (it must have been refused as Invalid). */
export async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).problems;
}
