/**
 * What open sign-on adds to a published statement's public page: the link to sign while it is open,
 * and the approved signatories (count, by country, the first names) once there are any.
 */
import { eq } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import type { StatementPageSection } from '../../platform/feature.js';
import { openSignatories } from './list-service.js';
import { openSignOnIsOpen, readSettings } from './settings-service.js';
import { OpenSignatoriesSection } from './views.js';

export const openSignatoriesSection: StatementPageSection = async (deps, ctx, statementId) => {
  const [settings, signatories] = await Promise.all([
    readSettings(deps.db, statementId),
    openSignatories(deps.db, statementId),
  ]);
  const open = openSignOnIsOpen(settings, deps.now());
  if (!open && signatories.total === 0) return null;
  const [statement] = await deps.db
    .select({ slug: t.statements.slug })
    .from(t.statements)
    .where(eq(t.statements.id, statementId));
  return (
    <>
      {open && statement ? (
        <p class="open-signon-link">
          <a class="button" href={`/${ctx.locale}/statements/${statement.slug}/sign`} safe>
            {ctx.t.openSignonSignLink}
          </a>
        </p>
      ) : (
        ''
      )}
      {signatories.total > 0 ? <OpenSignatoriesSection ctx={ctx} signatories={signatories} /> : ''}
    </>
  );
};
