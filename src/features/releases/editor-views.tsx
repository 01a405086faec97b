/**
 * The release editor: the release's fields and timing, the pieces picked from the registry in order,
 * the body blocks, publication, and beside them the release as the public page will render it (the
 * same ReleaseArticle and render model), with its gaps and the linter's findings.
 */
import { messages } from '../../lib/i18n.js';
import { LOCALES, type Locale } from '../../lib/locales.js';
import { localizedPlain } from '../../lib/localized-view.js';
import type { PageContext } from '../../lib/page-context.js';
import { OrderedPicker } from '../statements/ordered-picker.js';
import { PublicationControls } from '../statements/publication-controls.js';
import { blockKindName } from '../statements/translation-sources.js';
import type { RegistryChoices } from '../statements/workspace-read.js';
import type { Typed } from '../statements/workspace-views.js';
import { ConflictNotice } from '../workspace/conflict.js';
import { BilingualField, ErrorSummary, HiddenFields, readLocaleValues, SelectField } from '../workspace/form.js';
import { WorkspaceLayout, type WorkspaceProps } from '../workspace/layout.js';
import type { FormOutcome } from '../workspace/web.js';
import type { ReleaseFinding } from './lint-slot.js';
import type { RenderModel } from './render-model.js';
import { ReleaseArticle } from './views.js';
import type { ReleaseForEditing } from './workspace-read.js';
import { ReleaseFields, releaseLabels, str } from './workspace-views.js';

export type ReleaseForm =
  | 'details'
  | 'contacts'
  | 'highlights'
  | 'boilerplates'
  | 'blocks'
  | 'addBlock'
  | 'publication';

export interface EditorPreview {
  locale: Locale;
  model: RenderModel;
  gaps: string[];
  findings: ReleaseFinding[];
  linterAvailable: boolean;
}

export function ReleaseEditorPage(
  props: WorkspaceProps & {
    data: ReleaseForEditing;
    choices: RegistryChoices;
    preview: EditorPreview;
    embargoLocal: string;
    failed?: { form: ReleaseForm; typed: Typed; outcome: FormOutcome } | undefined;
  },
): JSX.Element {
  const { ctx, csrf, data, choices, preview, failed } = props;
  const { t, locale } = ctx;
  const r = data.release;
  const base = `/${locale}/workspace/releases/${r.slug}`;
  const outcomeOf = (form: ReleaseForm): FormOutcome => (failed?.form === form ? failed.outcome : {});
  const typedOf = (form: ReleaseForm): Typed => (failed?.form === form ? failed.typed : undefined);
  const title = localizedPlain(r.headline, ctx);
  const orgLabel = (o: { name: string; acronym: string | null }) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);
  const picker = (
    form: 'contacts' | 'highlights' | 'boilerplates',
    legend: string,
    hint: string,
    rows: { id: number; label: string }[],
    selected: number[],
  ) => (
    <section aria-labelledby={`${form}-title`}>
      <h2 id={`${form}-title`} safe>
        {legend}
      </h2>
      <form method="post" action={`${base}/${form}`} class="form">
        <HiddenFields csrf={csrf} version={r.version} />
        <OrderedPicker
          ctx={ctx}
          name={form}
          legend={legend}
          hint={hint}
          rows={rows}
          selected={selected}
          error={outcomeOf(form).errors?.[form]}
        />
        <button type="submit" safe>
          {t.editorialSaveOrder}
        </button>
      </form>
    </section>
  );
  return (
    <WorkspaceLayout {...props} title={title}>
      <p>
        <a href={`/${locale}/workspace/releases`} safe>
          {t.editorialReleasesTitle}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {failed?.outcome.conflict ? <ConflictNotice ctx={ctx} history={failed.outcome.conflict} /> : ''}
      <ErrorSummary ctx={ctx} errors={failed?.outcome.errors ?? {}} labels={releaseLabels(ctx)} />
      <div class="release-editor">
        <div class="release-editor-forms">
          <PublicationControls
            ctx={ctx}
            csrf={csrf}
            base={base}
            version={r.version}
            state={data.state}
            publicHref={`/${locale}/releases/${r.slug}`}
          />
          <section aria-labelledby="details-title">
            <h2 id="details-title" safe>
              {t.editorialReleaseDetails}
            </h2>
            <form method="post" action={base} class="form" novalidate>
              <HiddenFields csrf={csrf} version={r.version} />
              <input type="hidden" name="originalLocale" value={locale} />
              <ReleaseFields
                ctx={ctx}
                stored={r}
                typed={typedOf('details')}
                errors={outcomeOf('details').errors ?? {}}
                choices={choices}
                embargoLocal={props.embargoLocal}
              />
              <p class="form-actions">
                <button type="submit" safe>
                  {t.workspaceSave}
                </button>
              </p>
            </form>
          </section>
          {picker(
            'contacts',
            t.editorialContacts,
            t.editorialContactsHint,
            choices.people.map((p) => ({ id: p.id, label: p.name })),
            data.contactIds,
          )}
          {picker(
            'highlights',
            t.editorialHighlights,
            t.editorialHighlightsHint,
            data.recommendations.map((rec, i) => ({ id: rec.id, label: `${i + 1}. ${localizedPlain(rec.text, ctx)}` })),
            data.highlightIds,
          )}
          {picker(
            'boilerplates',
            t.editorialBoilerplates,
            t.editorialBoilerplatesHint,
            choices.organizations.map((o) => ({ id: o.id, label: orgLabel(o) })),
            data.boilerplateIds,
          )}
          <BlocksSection
            {...props}
            base={base}
            typed={typedOf('blocks')}
            outcome={outcomeOf('blocks')}
            addOutcome={outcomeOf('addBlock')}
            addTyped={typedOf('addBlock')}
          />
          {data.state === 'draft' ? (
            <form method="post" action={`${base}/delete`} class="delete-form">
              <HiddenFields csrf={csrf} version={r.version} />
              <p class="hint" safe>
                {t.editorialDeleteDraftHint}
              </p>
              <button type="submit" class="button-secondary" safe>
                {t.editorialDelete}
              </button>
            </form>
          ) : (
            ''
          )}
        </div>
        <PreviewPane ctx={ctx} base={base} preview={preview} />
      </div>
    </WorkspaceLayout>
  );
}

function PreviewPane({ ctx, base, preview }: { ctx: PageContext; base: string; preview: EditorPreview }): JSX.Element {
  const { t } = ctx;
  const language = messages(preview.locale).switchToThisLanguage;
  return (
    <aside class="release-editor-preview" aria-labelledby="preview-title">
      <h2 id="preview-title" safe>
        {t.editorialPreviewIn(language)}
      </h2>
      <p class="hint" safe>
        {t.editorialPreviewNote}
      </p>
      <ul class="plain preview-languages">
        {LOCALES.map((l) => (
          <li>
            <a
              href={`${base}?preview=${l}#preview-title`}
              aria-current={l === preview.locale ? 'true' : undefined}
              lang={l}
              safe
            >
              {messages(l).switchToThisLanguage}
            </a>
          </li>
        ))}
      </ul>
      <ul class="plain downloads">
        <li>
          <a href={`${base}/preview.pdf?lang=${preview.locale}`} safe>
            {`${t.editorialPreviewPdf} (${language})`}
          </a>
        </li>
        <li>
          <a href={`${base}/preview.docx?lang=${preview.locale}`} safe>
            {`${t.editorialPreviewDocx} (${language})`}
          </a>
        </li>
      </ul>
      <section class="release-checks" aria-labelledby="checks-title">
        <h3 id="checks-title" safe>
          {t.editorialChecks}
        </h3>
        <h4 safe>{t.editorialGaps}</h4>
        {preview.gaps.length === 0 ? (
          <p safe>{t.editorialNoGaps}</p>
        ) : (
          <ul class="gaps">
            {preview.gaps.map((g) => (
              <li safe>{g}</li>
            ))}
          </ul>
        )}
        <h4 safe>{t.editorialLinterFindings}</h4>
        {!preview.linterAvailable ? (
          <p safe>{t.editorialNoLinter}</p>
        ) : preview.findings.length === 0 ? (
          <p safe>{t.editorialNoFindings}</p>
        ) : (
          <ul class="findings">
            {preview.findings.map((f) => (
              <li class={`finding finding-${f.severity}`} safe>
                {`${f.field}: ${f.message}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="release-preview">
        <ReleaseArticle m={preview.model} />
      </div>
    </aside>
  );
}

function BlocksSection(
  props: WorkspaceProps & {
    data: ReleaseForEditing;
    choices: RegistryChoices;
    base: string;
    typed: Typed;
    outcome: FormOutcome;
    addTyped: Typed;
    addOutcome: FormOutcome;
  },
): JSX.Element {
  const { ctx, csrf, data, choices, base, typed } = props;
  const { t } = ctx;
  const errors = props.outcome.errors ?? {};
  const addErrors = props.addOutcome.errors ?? {};
  const kindName = (kind: 'text' | 'quote' | 'highlights') => blockKindName(t, kind);
  const people = choices.people.map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <section aria-labelledby="blocks-title">
      <h2 id="blocks-title" safe>
        {t.editorialBlocks}
      </h2>
      <p class="hint" safe>
        {t.editorialBlocksHint}
      </p>
      {data.blocks.length > 0 ? (
        <form method="post" action={`${base}/blocks`} class="form" novalidate>
          <HiddenFields csrf={csrf} version={data.release.version} />
          <input type="hidden" name="originalLocale" value={ctx.locale} />
          <input type="hidden" name="blockCount" value={String(data.blocks.length)} />
          {data.blocks.map((b, i) => {
            const name = `block_${i}`;
            const heading = t.editorialBlockNumber(i + 1, kindName(b.kind));
            return (
              <fieldset class="release-block">
                <legend safe>{heading}</legend>
                <input type="hidden" name={`${name}_id`} value={String(b.id)} />
                <input type="hidden" name={`${name}_kind`} value={b.kind} />
                {b.kind === 'quote' ? (
                  <SelectField
                    ctx={ctx}
                    name={`${name}_person`}
                    label={t.editorialQuotePerson}
                    value={str(typed, `${name}_person`) ?? String(b.personId ?? '')}
                    emptyLabel={t.editorialChoose}
                    options={people}
                    error={errors[`${name}_person`]}
                    required
                  />
                ) : (
                  ''
                )}
                <BilingualField
                  ctx={ctx}
                  name={`${name}_text`}
                  label={kindName(b.kind)}
                  stored={b.text}
                  values={typed ? readLocaleValues(typed, `${name}_text`) : undefined}
                  errors={errors}
                  markdown={b.kind === 'text'}
                  multiline={b.kind !== 'text'}
                  rows={3}
                />
                <div class="field">
                  <label for={`f-${name}_order`} safe>
                    {t.editorialOrderColumn}
                  </label>
                  <input
                    type="number"
                    id={`f-${name}_order`}
                    class="order-input"
                    name={`${name}_order`}
                    value={str(typed, `${name}_order`) ?? String(i + 1)}
                    min="1"
                  />
                </div>
                <div class="field-checkbox">
                  <input type="checkbox" id={`f-${name}_remove`} name={`${name}_remove`} value="1" />
                  <label for={`f-${name}_remove`} safe>
                    {t.editorialBlockRemove}
                  </label>
                </div>
              </fieldset>
            );
          })}
          <p class="form-actions">
            <button type="submit" safe>
              {t.workspaceSave}
            </button>
          </p>
        </form>
      ) : (
        ''
      )}
      <form method="post" action={`${base}/blocks/add`} class="form add-block" novalidate>
        <HiddenFields csrf={csrf} version={data.release.version} />
        <input type="hidden" name="originalLocale" value={ctx.locale} />
        <h3 safe>{t.editorialAddBlock}</h3>
        <SelectField
          ctx={ctx}
          name="kind"
          label={t.editorialBlockKind}
          value={str(props.addTyped, 'kind') ?? 'text'}
          options={(['text', 'quote', 'highlights'] as const).map((k) => ({ value: k, label: kindName(k) }))}
          required
        />
        {data.quotes.length > 0 ? (
          <SelectField
            ctx={ctx}
            name="quoteId"
            label={t.editorialFromQuote}
            value={str(props.addTyped, 'quoteId') ?? ''}
            emptyLabel={t.editorialChoose}
            options={data.quotes.map((q) => {
              const person = choices.people.find((p) => p.id === q.personId)?.name ?? '';
              return { value: String(q.id), label: `${person}: ${localizedPlain(q.text, ctx).slice(0, 80)}` };
            })}
          />
        ) : (
          ''
        )}
        <SelectField
          ctx={ctx}
          name="person"
          label={t.editorialQuotePerson}
          value={str(props.addTyped, 'person') ?? ''}
          emptyLabel={t.editorialChoose}
          options={people}
          error={addErrors.block_new_person}
        />
        <BilingualField
          ctx={ctx}
          name="text"
          label={t.editorialBlockText}
          stored={null}
          values={props.addTyped ? readLocaleValues(props.addTyped, 'text') : undefined}
          errors={{ text: addErrors.block_new_text ?? '' }}
          multiline
          rows={3}
        />
        <button type="submit" safe>
          {t.editorialAddBlock}
        </button>
      </form>
    </section>
  );
}
