/** Spanish pages name an addressee with its article: "Respuesta del Gobierno de Guatemala" (issue 14). */
import { beforeAll, expect, it } from 'vitest';
import { getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { buildApp } from '../../app/app.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

describeEachEngine('an addressee named in a Spanish sentence', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
  });

  it('the timeline says "Respuesta del Gobierno de Guatemala" and "asumido por el Gobierno de Guatemala"', async () => {
    const url = '/es/statements/guatemala-vp-visit-2021/recommendations/regular-migration/follow-up';
    const { status, $ } = await getPage(app, url);
    expect(status).toBe(200);
    const text = $('main').text().replace(/\s+/g, ' ');
    expect(text).toContain('Respuesta del Gobierno de Guatemala');
    expect(text).toContain('asumido por el Gobierno de Guatemala');
    expect(text).not.toContain('Respuesta de Gobierno');
    expect(text).not.toContain('por Gobierno');
  });
});
