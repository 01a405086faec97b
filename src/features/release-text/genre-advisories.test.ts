/**
 * Media advisories, on synthetic ones (see test/support/release-text.ts): their labels with a time, their event's
 * date under "WHEN:", fields that are no deck, and the issuers their "WHO:" field names.
 */
import { describe, expect, it } from 'vitest';
import { read, sortedOrganizations } from '../../../test/support/release-text.js';

describe('advisories', () => {
  it('does not take an advisory’s event date, or a label with a time, for the release', () => {
    const r = read(`MEDIA ADVISORY

Faith Leaders to Hold Vigil Outside Detention Center

WHEN:
Friday, June 4, 2021, 10 a.m.

Media Advisory: June 4, 10:00 AM ET

ELIZABETH, N.J. — Faith leaders and families of people detained will hold a vigil on Friday to call for the release of all people held at the center.
`);
    expect(r.headline).toBe('Faith Leaders to Hold Vigil Outside Detention Center');
    expect(r.date).toBeNull();
    const schedule = read(`Faith Leaders to Hold Vigil Outside Detention Center

Friday, June 4, 2021, 10 a.m. – 12 p.m.

ELIZABETH, N.J. — Faith leaders and families of people detained will hold a vigil on Friday to call for the release of all people held at the center.
`);
    expect(schedule.date).toBeNull();
  });

  it('reads an advisory: a planning label with a date, the title under the contact, fields that are no deck', () => {
    const r = read(`MEDIA ADVISORY
For Planning Purposes — Thursday, October 7, 2021

Contact: Maria Lopez, 312-555-0199, mlopez@chicagoworkers.org

Day Laborers and Clergy to Rally for Protections at City Hall

WHAT: Rally and press conference calling on the City Council to pass the wage theft ordinance
WHEN: Friday, October 8, 2021, 11:00 a.m.
WHERE: Chicago City Hall, 121 N. LaSalle St.

CHICAGO — Day laborers, clergy and community leaders will rally Friday to urge the City Council to pass an ordinance that would let workers recover stolen wages.
`);
    expect(r.headline).toBe('Day Laborers and Clergy to Rally for Protections at City Hall');
    expect(r.subheadline).toBeNull();
    expect(r.dateline_place).toBe('CHICAGO');
    expect(r.contacts.map((c) => c.name)).toEqual(['Maria Lopez']);
    // The council the rally addresses is a public authority, not an issuer.
    expect(r.organizations).toEqual([]);
  });

  it('reads the issuers an advisory names in its WHO field as organizations, not its speakers’ employers', () => {
    expect(
      sortedOrganizations(`MEDIA ADVISORY: June 9, 10:00 AM CT

Farmworkers march to the Capitol to demand heat protections

WHAT: March and rally for a state heat standard
WHEN: Friday, June 9, 10:00 AM
WHERE: Texas State Capitol, South Steps
WHO: Farmworkers, day laborers, heat survivors and member organizations WORKERS DEFENSE and LUPE
`),
    ).toEqual(['LUPE', 'WORKERS DEFENSE']);
    expect(
      sortedOrganizations(`AVISO DE PRENSA

Trabajadoras del hogar exigen seguridad social en el Senado

QUÉ: Conferencia de prensa
CUÁNDO: martes 12 de marzo, 11:00 horas
QUIÉNES: Trabajadoras del hogar de cinco estados y las organizaciones convocantes Colectiva Hogar Digno y Centro Laboral Morelos
`),
    ).toEqual(['Centro Laboral Morelos', 'Colectiva Hogar Digno']);
    const speakers = read(`MEDIA ADVISORY

Press call on children arriving alone at the border

WHEN: Tuesday, 11:00 AM ET
WHO: Jane Roe, Director of Policy, Riverside Legal Aid Center

The Border Futures Project will host a press call on the rise in children arriving alone.
`);
    expect(speakers.organizations).not.toContain('Riverside Legal Aid Center');
  });
});
