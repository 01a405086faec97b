/**
 * The step between "Publish" and a public release: what becomes public (the release's headline, in
 * which languages, at which address) and when (at once, or the embargo's instant as a reader in the
 * release's zone reads it, in the viewer's language), what still stands in the way (the statement not
 * public yet, an embargo already past) and the linter's findings; then Confirm (a POST with the
 * version seen, so a stale page is a conflict) or Cancel (back to the editor, nothing changed).
 */

import { messages } from '../../platform/i18n/format.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { translationState } from '../../platform/text/localized-text.js';
import { HiddenFields } from '../../ui/form.js';
import { EmptyOr } from '../../ui/list.js';
import { localizedPlain } from '../../ui/localized-view.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import { type Finding, FindingItem } from '../lint/index.js';
import { stateName } from '../statements/index.js';
import { formatInstant } from './render-model.js';
import type { ReleaseForEditing } from './workspace-read.js';

export function PublishConfirmPage(
  props: WorkspaceProps & { data: ReleaseForEditing; findings: Finding[]; now: Date },
): JSX.Element {
  const { ctx, csrf, data, findings, now } = props;
  const { t, locale } = ctx;
  const r = data.release;
  const base = `/${locale}/workspace/releases/${r.slug}`;
  const title = localizedPlain(r.headline, ctx);
  const language = (l: (typeof LOCALES)[number]) => messages(l).switchToThisLanguage;
  // A language is published when its headline and lead are written; the others show the original.
  const written = LOCALES.filter(
    (l) => translationState(r.headline, l) !== 'missing' && translationState(r.lead, l) !== 'missing',
  );
  const untranslated = LOCALES.filter((l) => !written.includes(l));
  const problems = [
    ...(data.heldBy
      ? [t.editorialHeldByStatement(localizedPlain(data.heldBy.statement.title, ctx), stateName(t, data.heldBy.state))]
      : []),
    ...(r.embargoedUntil && r.embargoedUntil <= now ? [t.editorialErrEmbargoPast] : []),
  ];
  return (
    <WorkspaceLayout {...props} title={t.editorialPublishConfirmTitle}>
      <p>
        <a href={base} safe>
          {title}
        </a>
      </p>
      <h1 safe>{t.editorialPublishConfirmTitle}</h1>
      <p safe>{t.editorialPublishConfirmIntro}</p>
      <dl class="publish-summary">
        <dt safe>{t.editorialPublishWhat}</dt>
        <dd safe>{title}</dd>
        <dt safe>{t.editorialPublishLanguages}</dt>
        <dd>
          <span safe>{written.map(language).join(', ')}</span>
          {untranslated.length > 0 && written.length > 0 ? (
            <p class="hint" safe>
              {t.editorialPublishUntranslated(untranslated.map(language).join(', '))}
            </p>
          ) : (
            ''
          )}
        </dd>
        <dt safe>{t.editorialPublicAddress}</dt>
        <dd>
          <ul class="plain">
            {LOCALES.map((l) => (
              <li>
                <code safe>{`/${l}/releases/${r.slug}`}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt safe>{t.editorialPublishWhen}</dt>
        <dd class="publish-when" safe>
          {r.embargoedUntil
            ? t.editorialPublishAt(formatInstant(r.embargoedUntil, r.timeZone, locale))
            : t.editorialPublishImmediately}
        </dd>
      </dl>
      <section aria-labelledby="publish-checks-title" class="release-checks">
        <h2 id="publish-checks-title" safe>
          {t.editorialPublishProblems}
        </h2>
        {problems.length > 0 ? (
          <ul class="notice notice-warning">
            {problems.map((p) => (
              <li safe>{p}</li>
            ))}
          </ul>
        ) : (
          ''
        )}
        <h3 safe>{t.editorialLinterFindings}</h3>
        <EmptyOr empty={t.editorialNoFindings} isEmpty={findings.length === 0}>
          <ul class="findings">
            {findings.map((f) => (
              <FindingItem ctx={ctx} finding={f} />
            ))}
          </ul>
        </EmptyOr>
      </section>
      <form method="post" action={`${base}/publish`} class="form form-actions">
        <HiddenFields csrf={csrf} version={r.version} />
        <input type="hidden" name="confirmed" value="1" />
        <button type="submit" safe>
          {t.editorialPublishConfirm}
        </button>
        <a href={base} class="button button-secondary" safe>
          {t.workspaceCancel}
        </a>
      </form>
    </WorkspaceLayout>
  );
}
