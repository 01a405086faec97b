/** The workspace home: what needs attention, each a count linking to where it is fixed. */

import type { AttentionDetail, AttentionItem, AttentionKey, ProfileGap } from '../../platform/feature.js';
import type { Catalog } from '../../platform/i18n/catalog.js';
import { Section } from '../../ui/layout.js';
import { EmptyOr } from '../../ui/list.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import { formatInstant } from '../releases/index.js';
import type { Attention } from './attention.js';

type Label = (t: Catalog, count: number, atLeast: boolean) => string;

const LABELS: Record<AttentionKey, { label: Label; clear: (t: Catalog) => string }> = {
  embargoedReleases: { label: (t, n) => t.homeEmbargoedReleases(n), clear: (t) => t.homeEmbargoedReleasesClear },
  overdueCommitments: {
    label: (t, n, more) => t.homeOverdueCommitments(n, more),
    clear: (t) => t.homeOverdueCommitmentsClear,
  },
  pendingSignOn: { label: (t, n) => t.homePendingSignOn(n), clear: (t) => t.homePendingSignOnClear },
  openSignOnCalls: { label: (t, n) => t.homeOpenSignOnCalls(n), clear: (t) => t.homeOpenSignOnCallsClear },
  draftReleases: { label: (t, n) => t.homeDraftReleases(n), clear: (t) => t.homeDraftReleasesClear },
  draftStatements: { label: (t, n) => t.homeDraftStatements(n), clear: (t) => t.homeDraftStatementsClear },
  profileGaps: { label: (t, n) => t.homeProfileGaps(n), clear: (t) => t.homeProfileGapsClear },
  staleRecommendations: {
    label: (t, n, more) => t.homeStaleRecommendations(n, more),
    clear: (t) => t.homeStaleRecommendationsClear,
  },
  missingTranslations: { label: (t, n) => t.homeMissingTranslations(n), clear: (t) => t.homeMissingTranslationsClear },
  staleTranslations: { label: (t, n) => t.homeStaleTranslations(n), clear: (t) => t.homeStaleTranslationsClear },
  organizationsWithoutAbout: {
    label: (t, n) => t.homeOrganizationsWithoutAbout(n),
    clear: (t) => t.homeOrganizationsWithoutAboutClear,
  },
  organizationsWithoutWebsite: {
    label: (t, n) => t.homeOrganizationsWithoutWebsite(n),
    clear: (t) => t.homeOrganizationsWithoutWebsiteClear,
  },
};

const GAPS: Record<ProfileGap, (t: Catalog) => string> = {
  'about-en': (t) => t.homeGapAboutEn,
  'about-es': (t) => t.homeGapAboutEs,
  website: (t) => t.homeGapWebsite,
  logo: (t) => t.homeGapLogo,
};

export function WorkspaceHomePage(props: WorkspaceProps & { attention: Attention }): JSX.Element {
  const { ctx, user, attention } = props;
  const { t } = ctx;
  return (
    <WorkspaceLayout {...props} title={t.workspaceNavHome}>
      <h1 safe>{t.workspaceTitle}</h1>
      <p class="lede" safe>
        {user.role === 'member' ? t.workspaceHomeMemberIntro : t.workspaceHomeIntro}
      </p>
      <Section id="attention-heading" title={t.homeAttentionHeading}>
        <EmptyOr empty={t.homeAttentionNothing} isEmpty={attention.items.length === 0} emptyClass="attention-empty">
          <ol class="attention">
            {attention.items.map((item) => (
              <Item {...props} item={item} />
            ))}
          </ol>
        </EmptyOr>
      </Section>
      {attention.clear.length > 0 ? (
        <Section id="clear-heading" title={t.homeClearHeading}>
          <ul class="attention-clear">
            {attention.clear.map((key) => (
              <li safe>{LABELS[key].clear(t)}</li>
            ))}
          </ul>
        </Section>
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}

function Item({ ctx, item }: WorkspaceProps & { item: AttentionItem }): JSX.Element {
  const { t, locale } = ctx;
  const rest = item.count - item.details.length;
  return (
    <li class={`attention-item attention-${item.key}`}>
      <a class="attention-count" href={`/${locale}${item.path}`} safe>
        {LABELS[item.key].label(t, item.count, item.atLeast ?? false)}
      </a>
      {item.details.length > 0 ? (
        <ul>
          {item.details.map((d) => (
            <li>
              <a href={`/${locale}${d.path}`} safe>
                {d.gap ? GAPS[d.gap](t) : d.name}
              </a>
              {note(d, ctx) ? <span class="muted" safe>{` — ${note(d, ctx)}`}</span> : ''}
            </li>
          ))}
          {rest > 0 && !item.atLeast ? (
            <li class="muted" safe>
              {t.homeMore(rest)}
            </li>
          ) : (
            ''
          )}
        </ul>
      ) : (
        ''
      )}
    </li>
  );
}

function note(d: AttentionDetail, ctx: WorkspaceProps['ctx']): string {
  if (d.errors !== undefined) return ctx.t.homeLintErrors(d.errors);
  if (d.publicAt) return ctx.t.homeGoesPublic(formatInstant(d.publicAt.instant, d.publicAt.timeZone, ctx.locale));
  return '';
}
