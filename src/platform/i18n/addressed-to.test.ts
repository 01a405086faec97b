/** Addressees after a preposition: "al Gobierno", "a la Vicepresidencia", "to the Government". */
import { describe, expect, it } from 'vitest';
import { type AddresseeName, addressedToEn, addressedToEs } from './addressed-to.js';

const named = (text: string, kind = 'government', inPageLanguage = true): AddresseeName => ({
  text,
  kind,
  inPageLanguage,
});

describe('addressees named after "a" / "to"', () => {
  it('Spanish fuses "a el" into "al" and picks the article of the institution noun, by gender and number', () => {
    expect(addressedToEs([named('Gobierno de Guatemala')])).toBe('al Gobierno de Guatemala');
    expect(addressedToEs([named('Vicepresidencia de los Estados Unidos', 'office')])).toBe(
      'a la Vicepresidencia de los Estados Unidos',
    );
    expect(addressedToEs([named('Comisión Interamericana de Derechos Humanos')])).toBe(
      'a la Comisión Interamericana de Derechos Humanos',
    );
    expect(addressedToEs([named('Corte Interamericana de Derechos Humanos')])).toBe(
      'a la Corte Interamericana de Derechos Humanos',
    );
    expect(addressedToEs([named('Congreso de la República')])).toBe('al Congreso de la República');
    expect(addressedToEs([named('Sistema de la Integración Centroamericana')])).toBe(
      'al Sistema de la Integración Centroamericana',
    );
    expect(addressedToEs([named('Naciones Unidas')])).toBe('a las Naciones Unidas');
    expect(addressedToEs([named('Estados del SICA')])).toBe('a los Estados del SICA');
    expect(addressedToEs([named('Autoridades migratorias de México')])).toBe('a las Autoridades migratorias de México');
  });

  it('Spanish repeats the preposition in a list, and leaves people, acronyms and untranslated names bare', () => {
    expect(addressedToEs([named('Gobierno de Guatemala'), named('Vicepresidencia de los Estados Unidos')])).toBe(
      'al Gobierno de Guatemala y a la Vicepresidencia de los Estados Unidos',
    );
    expect(addressedToEs([named('Kamala Harris', 'person')])).toBe('a Kamala Harris');
    expect(addressedToEs([named('USAID', 'agency')])).toBe('a USAID');
    expect(addressedToEs([named('Government of Guatemala', 'government', false)])).toBe('a Government of Guatemala');
    expect(addressedToEs([named('Relatoría Especial sobre migrantes')])).toBe(
      'a la Relatoría Especial sobre migrantes',
    );
    expect(addressedToEs([named('Alto Comisionado para los Refugiados')])).toBe(
      'al Alto Comisionado para los Refugiados',
    );
    // A proper name that is no institution noun keeps no article.
    expect(addressedToEs([named('Alianza Americas', 'organization')])).toBe('a Alianza Americas');
  });

  it('English adds "the" except for people, acronyms and names that bring their own', () => {
    expect(addressedToEn([named('Government of Guatemala')])).toBe('to the Government of Guatemala');
    expect(addressedToEn([named('Government of Guatemala'), named('Vice President of the United States')])).toBe(
      'to the Government of Guatemala and the Vice President of the United States',
    );
    expect(addressedToEn([named('Kamala Harris', 'person')])).toBe('to Kamala Harris');
    expect(addressedToEn([named('USAID', 'agency')])).toBe('to USAID');
    expect(addressedToEn([named('The Guatemalan Congress', 'legislature')])).toBe('to The Guatemalan Congress');
  });
});
