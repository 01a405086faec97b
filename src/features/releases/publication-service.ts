/**
 * Publishing, unpublishing and withdrawing a press release. What each state means for the public is
 * decided in one place, platform/visibility.ts (releaseVisibility, publicReleasesCondition): publishing
 * with an embargo set makes the release "embargoed" until that instant, with nothing to run. A release
 * is never public before its statement: publishing one whose statement is not public (or is embargoed
 * longer) is refused with the reason, as is an embargo that has already passed.
 */

import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Problems } from '../../platform/forms/problems.js';
import { hasText } from '../../platform/text/localized-input.js';
import { type Editor, updateVersioned, versionedChange } from '../../platform/write.js';
import { changeRelease, checkStatementFirst, type ReleaseRow } from './edit-service.js';

export type ReleasePublicationAction = 'publish' | 'unpublish' | 'withdraw';

function fields(action: ReleasePublicationAction, now: Date) {
  switch (action) {
    case 'publish':
      return { status: 'published' as const, withdrawnAt: null };
    case 'unpublish':
      return { status: 'draft' as const, withdrawnAt: null };
    case 'withdraw':
      return { withdrawnAt: now };
  }
}

const audited = (r: ReleaseRow) => ({
  status: r.status,
  embargoedUntil: r.embargoedUntil,
  withdrawnAt: r.withdrawnAt,
  version: r.version,
});

export async function changeReleasePublication(
  db: Db,
  input: { slug: string; action: ReleasePublicationAction; version: number },
  user: Editor,
  now: Date,
): Promise<ReleaseRow> {
  return changeRelease(db, user, input.slug, async (tx, before) => {
    if (input.action === 'publish') {
      // A release without a headline or a lead cannot go out: say which is missing.
      const problems = new Problems();
      if (!hasText(before.headline)) problems.add('headline', 'workspaceErrRequiredOneLanguage');
      if (!hasText(before.lead)) problems.add('lead', 'workspaceErrRequiredOneLanguage');
      // An embargo that has passed since it was saved: publishing would break it at once, unasked.
      if (before.embargoedUntil && before.embargoedUntil <= now)
        problems.add('embargoLocal', 'editorialErrEmbargoPast');
      else await checkStatementFirst(tx, before, problems, now);
      problems.throwIfAny('The release is not ready to publish');
    }
    return updateVersioned(tx, {
      ...versionedChange(t.releases, 'release', before, input.version, input.action, user, now),
      set: fields(input.action, now),
      audited,
    });
  });
}
