/** The Spanish catalogs speak to the reader as tú, and compose institutions' names with their article. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aName, deName, withArticle } from './spanish-names.js';

const dir = new URL('./messages/', import.meta.url);

/**
 * Usted forms a catalog slips into: the pronoun, "su cuenta", and the usted imperatives of the verbs
 * our messages use (write, choose, add, check, upload, save, ask…), with their attached pronouns. Not
 * after "se" or "que" ("hasta que se suba", "que pida"), where the same form is impersonal.
 */
const USTED = new RegExp(
  `(?<!\\b(?:se|que) )\\b(${[
    'usted',
    'ustedes',
    'su cuenta',
    'sus datos',
    'ingrese',
    'haga clic',
    'escriba',
    'escríbalo',
    'seleccione',
    'elija',
    'introduzca',
    'pulse',
    'añada',
    'añádalo',
    'agregue',
    'utilice',
    'revise',
    'revíselo',
    'compruebe',
    'asegúrese',
    'suba',
    'guarde',
    'guárdelo',
    'vuelva a',
    'pídaselo',
    'quite',
    'indique',
    'corrija',
    'inténtelo',
    'lea',
    'descargue',
    'ábralo',
    'empiécelo',
    'quiso decir',
    'le enviamos',
  ].join('|')})\\b`,
  'iu',
);

describe('the Spanish catalogs use tú', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('es.ts'));

  it('finds every Spanish catalog', () => {
    expect(files).toContain('es.ts');
    expect(files.length).toBeGreaterThan(5);
  });

  it('no catalog has a usted form', () => {
    const found: string[] = [];
    for (const file of files) {
      readFileSync(new URL(file, dir), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = USTED.exec(line);
          if (m) found.push(`${file}:${i + 1}: «${m[0]}» in ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the check itself catches usted and lets tú and impersonal forms pass', () => {
    for (const usted of [
      'Ingrese su correo.',
      'Revise la dirección.',
      'Guárdelo de nuevo.',
      'Si usted quiere',
      'Elija un archivo.',
    ])
      expect(USTED.test(usted), usted).toBe(true);
    for (const tu of [
      'Revisa la dirección.',
      'Guárdalo de nuevo.',
      'Elige un archivo.',
      'Hasta que se suba uno',
      'Su historial se conserva.',
    ])
      expect(USTED.test(tu), tu).toBe(false);
  });
});

describe('institutions named with their article', () => {
  it('"del Gobierno", "de la Vicepresidencia", "de los Estados Unidos", and none before a proper name', () => {
    expect(deName('Gobierno de Guatemala')).toBe('del Gobierno de Guatemala');
    expect(aName('Gobierno de Guatemala')).toBe('al Gobierno de Guatemala');
    expect(deName('Vicepresidencia de los Estados Unidos')).toBe('de la Vicepresidencia de los Estados Unidos');
    expect(aName('Comisión Interamericana de Derechos Humanos')).toBe(
      'a la Comisión Interamericana de Derechos Humanos',
    );
    expect(withArticle('Estados Unidos')).toBe('los Estados Unidos');
    expect(deName('Alianza Americas')).toBe('de Alianza Americas');
    expect(deName('El Salvador')).toBe('de El Salvador');
    expect(deName('CEJIL')).toBe('de CEJIL');
  });
});
