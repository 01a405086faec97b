/**
 * Press contacts, on synthetic releases (see test/support/release-text.ts): one contact a line, one fact a line,
 * and addresses masked against harvesters.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../../../test/support/release-text.js';

describe('contacts', () => {
  it('reads contact addresses masked against harvesters, and not "at" in a sentence', () => {
    const r = read(`FOR IMMEDIATE RELEASE
Media Contact: Jane Roe, [jane@example.org](mailto:jane@example.org), 202-555-0100
Contact: John Poe, john [at] example [dot] org
Contacto: Ana Ruiz, ana (arroba) redmigrante (punto) org

Groups Demand TPS for Hondurans

WASHINGTON — Advocates today urged the administration to designate Honduras for Temporary Protected Status for all eligible people.
`);
    expect(r.contacts.map((c) => [c.name, c.email])).toEqual([
      ['Jane Roe', 'jane@example.org'],
      ['John Poe', 'john@example.org'],
      ['Ana Ruiz', 'ana@redmigrante.org'],
    ]);
    const sentence = read(
      'Groups Demand TPS\n\nWASHINGTON — Advocates today urged the administration to act now for all eligible people.\n\nFor more information, contact Jane Doe at the Refugee Council, 202-555-0100.\n',
    );
    expect(sentence.contacts.map((c) => [c.name, c.email, c.organization])).toEqual([
      ['Jane Doe', null, 'Refugee Council'],
    ]);
  });

  it('reads the name, the post under it, then the phone and the e-mail, for each person', () => {
    const r = read(`FOR IMMEDIATE RELEASE
CONTACTS:
Jane Roe
Communications Director, Border Network
(915) 555-0100
jroe@bordernetwork.org

Luis Pérez
(915) 555-0199

Groups Rally at the Border

EL PASO, Texas — Hundreds of people rallied at the border today to demand an end to family detention and the return of asylum.
`);
    expect(r.contacts).toEqual([
      { name: 'Jane Roe', phone: '(915) 555-0100', email: 'jroe@bordernetwork.org', organization: 'Border Network' },
      { name: 'Luis Pérez', phone: '(915) 555-0199', email: null, organization: null },
    ]);
    expect(r.headline).toBe('Groups Rally at the Border');
  });
});
