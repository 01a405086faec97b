/**
 * The release's date, the lead's dateline and the release line, on synthetic releases (see
 * test/support/release-text.ts): dates in both languages' spellings, datelines closed by a full stop or between
 * two dashes, embargoes.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../../../test/support/release-text.js';

describe('date and release line', () => {
  it('prefers the dateline’s date to a date stamped above the title', () => {
    const r = read(`Noticias | 5 enero 2025

Organizaciones rechazan la reforma migratoria

Tegucigalpa, 3 de junio de 2021.- Las organizaciones de la sociedad civil rechazamos la reforma a la ley de migración aprobada ayer por el Congreso Nacional.
`);
    expect(r.date).toBe('2021-06-03');
    expect(r.dateline_place).toBe('Tegucigalpa');
  });

  it('reads "junio 3 de 2021", a labelled date and a date written with spaces', () => {
    expect(
      read(
        'Junio 3 de 2021\n\nOrganizaciones rechazan la reforma\n\nTegucigalpa. Las organizaciones de la sociedad civil rechazamos la reforma aprobada ayer.\n',
      ).date,
    ).toBe('2021-06-03');
    expect(
      read(
        'Fecha de publicación: 12/05/2021\n\nOrganizaciones rechazan la reforma\n\nLas organizaciones de la sociedad civil rechazamos la reforma aprobada ayer por el Congreso.\n',
      ).date,
    ).toBe('2021-05-12');
    expect(
      read(
        'Groups Rally for Families\n\n24 04 2009\n\nThe coalition will rally on Saturday at Union Square to demand legalization for all working families in this city.\n',
      ).date,
    ).toBe('2009-04-24');
  });

  it('reads datelines closed by a full stop after the date, or with the date between two dashes', () => {
    const r = read(`Organizaciones exigen al Estado
la protección de defensoras en Honduras

San Salvador, 3 de junio de 2021. Las organizaciones abajo firmantes denunciamos la aprobación de la ley de agentes extranjeros.
`);
    expect(r.headline).toBe('Organizaciones exigen al Estado la protección de defensoras en Honduras');
    expect([r.dateline_place, r.date]).toEqual(['San Salvador', '2021-06-03']);
    const dashed = read(
      'Groups Condemn the Rule\n\nMIAMI, FL – June 3, 2021 – Today the coalition said the rule is unlawful and must be withdrawn now.\n',
    );
    expect([dashed.dateline_place, dashed.date]).toEqual(['MIAMI, FL', '2021-06-03']);
  });

  it('keeps an embargo stated inside a short line as the release line', () => {
    const r = read(`Press release: Launching of the annual report

Report under embargo until March 22, 2006, 0h01GMT.

The Observatory will present its annual report on the situation of human rights defenders in ninety countries at press conferences around the world.
`);
    expect(r.release_line).toBe('Report under embargo until March 22, 2006, 0h01GMT.');
    expect(r.date).toBeNull();
  });

  it('keeps a Spanish embargo line in Spanish, and an English one in English', () => {
    const es = read(`EMBARGADO HASTA EL 3 DE MARZO DE 2025, 10:00 HORAS

Defensoras presentan su informe anual sobre agresiones en la región

Ciudad de México, 3 de marzo de 2025.- La red de defensoras presentó hoy su informe anual sobre las agresiones contra quienes defienden la tierra.
`);
    expect(es.release_line).toBe('BAJO EMBARGO HASTA EL 3 DE MARZO DE 2025, 10:00 HORAS');
    const en = read(`EMBARGOED UNTIL 10:00 a.m. EST, March 4, 2025

Defenders Present Their Annual Report on Attacks in the Region

WASHINGTON — The network of defenders today presented its annual report on attacks against land defenders.
`);
    expect(en.release_line).toBe('EMBARGOED UNTIL 10:00 a.m. EST, March 4, 2025');
  });
});
