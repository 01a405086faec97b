/** The pages that change a theme mapping: the form (new or existing), then the preview with "Apply". */

import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { ButtonForm, ErrorSummary, HiddenFields, SelectField, TextField } from '../../ui/form.js';
import { localizedPlain } from '../../ui/localized-view.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import {
  MAPPING_LABEL_MAX,
  MAPPING_SOURCES,
  type MappingEffect,
  type MappingForm,
  type ThemeMappingRecord,
  type ThemeRow,
} from './theme-mapping-service.js';

export const mappingsBase = (ctx: PageContext) => `/${ctx.locale}/workspace/themes/mappings`;

/** Where a mapping form posts: a new one to the list's address, an existing one to its own. */
const formAction = (ctx: PageContext, row: ThemeMappingRecord | null) =>
  row ? `${mappingsBase(ctx)}/${row.id}/edit` : mappingsBase(ctx);

export function ThemeMappingFormPage(
  props: WorkspaceProps & {
    row: ThemeMappingRecord | null;
    form: MappingForm;
    themes: ThemeRow[];
    outcome?: FormOutcome;
  },
) {
  const { ctx, csrf, row, form, outcome = {} } = props;
  const { t } = ctx;
  const errors = outcome.errors ?? {};
  const labels = {
    source: t.registryColumnSource,
    label: t.registryColumnSourceLabel,
    theme: t.registryThemeLabel,
  };
  const title = row ? t.registryEditThemeMapping : t.registryNewThemeMapping;
  return (
    <WorkspaceLayout {...props} title={title}>
      <h1 safe>{title}</h1>
      <p class="hint" safe>
        {t.registryThemeMappingFormHint}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={formAction(ctx, row)} novalidate>
        <HiddenFields csrf={csrf} version={row?.version} />
        {row ? (
          <dl class="facts">
            <dt safe>{t.registryColumnSource}</dt>
            <dd safe>{t.registryMappingSource(row.source)}</dd>
            <dt safe>{t.registryColumnSourceLabel}</dt>
            <dd safe>{row.label}</dd>
          </dl>
        ) : (
          <>
            <SelectField
              ctx={ctx}
              name="source"
              label={t.registryColumnSource}
              hint={t.registryThemeMappingSourceHint}
              value={form.source}
              options={MAPPING_SOURCES.map((s) => ({ value: s, label: t.registryMappingSource(s) }))}
              emptyLabel=""
              error={errors.source}
              required
            />
            <TextField
              ctx={ctx}
              name="label"
              label={t.registryColumnSourceLabel}
              hint={t.registryThemeMappingLabelHint}
              value={form.label}
              maxlength={MAPPING_LABEL_MAX}
              error={errors.label}
              lang="en"
              required
            />
          </>
        )}
        <SelectField
          ctx={ctx}
          name="theme"
          label={t.registryThemeLabel}
          value={form.theme}
          options={props.themes.map((theme) => ({ value: theme.slug, label: localizedPlain(theme.label, ctx) }))}
          emptyLabel=""
          error={errors.theme}
          required
        />
        <p class="form-actions">
          <button type="submit" safe>
            {t.registryThemeMappingPreview}
          </button>
          <a href={mappingsBase(ctx)} safe>
            {t.workspaceCancel}
          </a>
        </p>
      </form>
      {row ? (
        <ButtonForm
          action={`${mappingsBase(ctx)}/${row.id}/remove`}
          csrf={csrf}
          version={row.version}
          label={t.registryThemeMappingRemove}
          hint={t.registryThemeMappingRemoveHint}
          buttonClass="button-secondary"
        />
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}

/**
 * The dry run of a change: what the label maps to before and after and how many recommendations
 * change theme; "Apply" posts the same fields again with `step=apply` and the version previewed.
 */
export function ThemeMappingPreviewPage(
  props: WorkspaceProps & {
    effect: MappingEffect;
    /** Where "Apply" posts, and what it posts besides the CSRF token and version. */
    action: string;
    fields: Record<string, string>;
    version?: number | undefined;
    /** Back to the form as typed. */
    back: string;
  },
) {
  const { ctx, csrf, effect } = props;
  const { t } = ctx;
  const themeName = (theme: ThemeRow | null) =>
    theme ? localizedPlain(theme.label, ctx) : t.registryThemeMappingNoTheme;
  return (
    <WorkspaceLayout {...props} title={t.registryThemeMappingPreviewTitle}>
      <h1 safe>{t.registryThemeMappingPreviewTitle}</h1>
      <p class="mapping-change" safe>
        {t.registryThemeMappingChange(
          effect.label,
          t.registryMappingSource(effect.source),
          themeName(effect.from),
          themeName(effect.to),
        )}
      </p>
      <p class="mapping-rethemed" safe>
        {t.registryThemeMappingRethemed(effect.rethemed)}
      </p>
      <form method="post" action={props.action}>
        <HiddenFields csrf={csrf} version={props.version} />
        {Object.entries(props.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="step" value="apply" />
        <p class="form-actions">
          <button type="submit" safe>
            {t.registryThemeMappingApply}
          </button>
          <a href={props.back} safe>
            {t.workspaceCancel}
          </a>
        </p>
      </form>
    </WorkspaceLayout>
  );
}
