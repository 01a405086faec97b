/** Recommendation spreadsheets (issue 16): CSV and XLSX, public and in the workspace; columns in columns.ts. */
import { and, eq } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import type { FeatureManifest } from '../../platform/feature.js';
import { publicStatementsCondition } from '../../platform/visibility.js';
import { registerExportRoutes } from './routes.js';
import { ExportLinks } from './views.js';

export const exportsFeature: FeatureManifest = {
  name: 'exports',
  routes: registerExportRoutes,
  // A statement's page offers its recommendations as spreadsheets.
  statementPageSections: [
    async (deps, ctx, statementId) => {
      const [row] = await deps.db
        .select({ slug: t.statements.slug })
        .from(t.statements)
        .where(and(eq(t.statements.id, statementId), publicStatementsCondition(deps.now())));
      return row ? <ExportLinks ctx={ctx} base={`/${ctx.locale}/statements/${row.slug}/recommendations`} /> : null;
    },
  ],
};
