/**
 * Property: any document, however mangled, goes through the parser and the linter without an exception,
 * and the parser's result always validates against the JSON contract. 10,000 generated documents mix the
 * genre's real pieces (labels, dates, contacts, quotes, lists, end marks) with arbitrary Unicode.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { lintExtraction } from '../lint/index.js';
import { isImportedRelease } from './contract.js';
import { extractRelease } from './extract.js';

const pieces = fc.constantFrom(
  'FOR IMMEDIATE RELEASE:',
  'Para difusión inmediata',
  'EMBARGOED UNTIL 9:00 a.m. EST, March 4, 2019',
  'CONTACTO: Ana Pérez | +502 5555 1234 | ana@example.org',
  'Contact: Jo Doe, 202.869.0398, [email protected]',
  'PRESS CONTACTS',
  'June 3, 2021',
  '15 de septiembre de 2022',
  'WASHINGTON — The Example Coalition, the Sample Network and Friends of Tests issued ten organizations’ asks.',
  'Guatemala, June 3, 2021 — In light of a visit, Alianza Americas, Red Jesuita Con Migrantes (RJM) and CEJIL spoke.',
  '“We will not stop,” said **Mirtha Colón, President of the Board.**',
  '“Seguiremos”, dijo Óscar Chacón, director ejecutivo de Alianza Américas.',
  '– Phil Francis, Chair, Coalition to Protect Parks',
  'Some of the specific recommendations include:',
  '- Guarantee regular migration.',
  '1. Fund the clinics.',
  '###',
  '-30-',
  'About the Root Causes Initiative: A network. www.example.org',
  'Acerca de la Red Solidaria: Una red. www.redsolidaria.org.gt',
  'Presente.org *is the largest group.* www.presente.org',
  'The principal issues are in the [document](#).',
  '---',
  '',
  '   ',
  '“',
  '**',
  '(',
);
const line = fc.oneof(
  { weight: 3, arbitrary: pieces },
  { weight: 1, arbitrary: fc.string({ maxLength: 80, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
);
const document = fc
  .tuple(fc.array(line, { maxLength: 24 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n', ' '))
  .map(([lines, sep]) => lines.join(sep));

// CPU-bound: ~20 s alone on one core, several times that beside the other test files of a run.
it('parses and lints 10,000 generated documents: no exception escapes, every result fits the contract', {
  timeout: 180_000,
}, () => {
  fc.assert(
    fc.property(document, (text) => {
      const extraction = extractRelease(text);
      if (!isImportedRelease(extraction.release))
        throw new Error(`not the contract: ${JSON.stringify(extraction.release)}`);
      const findings = lintExtraction(text, extraction, { now: new Date('2026-01-15T00:00:00Z') });
      for (const f of findings) expect(typeof f.message.en === 'string' && typeof f.message.es === 'string').toBe(true);
    }),
    { numRuns: 10_000, seed: 20260115 },
  );
});
