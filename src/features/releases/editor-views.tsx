/**
 * The release editor: one form with the release's fields and timing, the pieces picked from the
 * registry in order and the body blocks (one Save); "Add a block"; publication (through a
 * confirmation page); and beside them the release as the public page will render it (the same
 * ReleaseArticle and render model), with its gaps and the linter's findings.
 */

import { CHOICES_FIRST, CHOICES_LIMIT } from '../../platform/db/choices.js';
import { messages } from '../../platform/i18n/format.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { HiddenFields } from '../../ui/form.js';
import { Section } from '../../ui/layout.js';
import { EmptyOr } from '../../ui/list.js';
import { localizedPlain } from '../../ui/localized-view.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import type { Finding } from '../lint/index.js';
import { FindingItem } from '../lint/index.js';
import type { RegistryChoices, Typed } from '../statements/index.js';
import {
  DeleteDraftForm,
  EditingHeading,
  OrderedPicker,
  PublicationControls,
  readPicked,
  stateName,
} from '../statements/index.js';
import { AddBlockSection, BlocksFields } from './blocks-views.js';
import type { RenderModel } from './render-model.js';
import { ReleaseArticle } from './views.js';
import type { ReleaseForEditing } from './workspace-read.js';
import { ReleaseFields, releaseLabels } from './workspace-views.js';

/** The editor's forms: the one form of the release (`details`), "Add a block", and the publication buttons. */
export type ReleaseForm = 'details' | 'addBlock' | 'publication';

/** The editor's searches, one per bounded list (statement, contacts, highlights, boilerplates). */
export type FindParam = 'find-statement' | 'find-contacts' | 'find-highlights' | 'find-boilerplates';

export interface EditorPreview {
  locale: Locale;
  model: RenderModel;
  gaps: string[];
  /** The linter's findings on the saved release (features/lint/stored.ts), both languages. */
  findings: Finding[];
}

export function ReleaseEditorPage(
  props: WorkspaceProps & {
    data: ReleaseForEditing;
    choices: RegistryChoices;
    preview: EditorPreview;
    embargoLocal: string;
    failed?: { form: ReleaseForm; typed: Typed; outcome: FormOutcome } | undefined;
    /** The words each bounded picker's search looks for (`?find-contacts=…`). */
    finds?: Partial<Record<FindParam, string>>;
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
  const typed = typedOf('details');
  const errors = outcomeOf('details').errors ?? {};
  const finds = props.finds ?? {};
  // Each search's Find posts the release's form to its own address (`_action=find`): the page comes
  // back with everything typed kept, all the searches' words and results, and nothing saved.
  const searchOf = (param: FindParam, what: string, more: boolean, offered: number, anchor: string) => ({
    param,
    what,
    value: finds[param] ?? '',
    more,
    offered,
    page: base,
    anchor,
  });
  // The statement's recommendations to highlight: the chosen ones and, besides, up to CHOICES_LIMIT
  // found by number or words (the first CHOICES_FIRST without a search), as platform/db/choices.ts does.
  const highlightFind = (finds['find-highlights'] ?? '').trim().toLowerCase();
  const highlightIds = typed ? readPicked(typed, 'highlights') : data.highlightIds;
  const highlightRows = data.recommendations.map((rec, i) => ({
    id: rec.id,
    label: `${i + 1}. ${localizedPlain(rec.text, ctx)}`,
    number: i + 1,
  }));
  const highlightMatches = highlightRows.filter(
    (row) =>
      !highlightIds.includes(row.id) &&
      (highlightFind === '' || String(row.number) === highlightFind || row.label.toLowerCase().includes(highlightFind)),
  );
  const highlightsOffered = highlightMatches.slice(0, highlightFind ? CHOICES_LIMIT : CHOICES_FIRST);
  const searches = {
    contacts: searchOf(
      'find-contacts',
      t.choicesWhatPeople,
      choices.more.people,
      choices.offered.people,
      'contacts-title',
    ),
    highlights: searchOf(
      'find-highlights',
      t.choicesWhatRecommendations,
      highlightMatches.length > highlightsOffered.length,
      highlightsOffered.length,
      'highlights-title',
    ),
    boilerplates: searchOf(
      'find-boilerplates',
      t.choicesWhatOrganizations,
      choices.more.organizations,
      choices.offered.organizations,
      'boilerplates-title',
    ),
    statement: searchOf(
      'find-statement',
      t.choicesWhatStatements,
      choices.more.statements,
      choices.offered.statements,
      'details-title',
    ),
  };
  const picker = (
    name: 'contacts' | 'highlights' | 'boilerplates',
    legend: string,
    hint: string,
    rows: { id: number; label: string }[],
    stored: number[],
  ) => (
    <Section id={`${name}-title`} title={legend}>
      <OrderedPicker
        ctx={ctx}
        name={name}
        legend={legend}
        hint={hint}
        rows={rows}
        selected={typed ? readPicked(typed, name) : stored}
        error={errors[name]}
        search={searches[name]}
      />
    </Section>
  );
  return (
    <WorkspaceLayout {...props} title={title}>
      <EditingHeading
        ctx={ctx}
        back={{ href: `/${locale}/workspace/releases`, label: t.editorialReleasesTitle }}
        title={title}
        outcome={failed?.outcome}
        labels={releaseLabels(ctx)}
      />
      <div class="release-editor">
        <div class="release-editor-forms">
          <PublicationControls
            ctx={ctx}
            csrf={csrf}
            base={base}
            version={r.version}
            state={data.ownState}
            publishHref={`${base}/publish`}
            publicHref={data.state === 'published' ? `/${locale}/releases/${r.slug}` : undefined}
            warning={
              data.heldBy
                ? t.editorialHeldByStatement(
                    localizedPlain(data.heldBy.statement.title, ctx),
                    stateName(t, data.heldBy.state),
                  )
                : undefined
            }
          />
          {/* One form, one Save: fields, lists and body are saved together (release-save.ts). */}
          <form method="post" action={base} class="form release-form" novalidate>
            <HiddenFields csrf={csrf} version={r.version} />
            <input type="hidden" name="originalLocale" value={locale} />
            {preview.locale !== locale ? <input type="hidden" name="preview" value={preview.locale} /> : ''}
            <Section id="details-title" title={t.editorialReleaseDetails}>
              <ReleaseFields
                ctx={ctx}
                stored={r}
                typed={typed}
                errors={errors}
                choices={choices}
                embargoLocal={props.embargoLocal}
                statementSearch={searches.statement}
              />
            </Section>
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
              [...highlightRows.filter((row) => highlightIds.includes(row.id)), ...highlightsOffered],
              data.highlightIds,
            )}
            {picker(
              'boilerplates',
              t.editorialBoilerplates,
              t.editorialBoilerplatesHint,
              choices.organizations.map((o) => ({ id: o.id, label: orgLabel(o) })),
              data.boilerplateIds,
            )}
            <BlocksFields {...props} typed={typed} outcome={outcomeOf('details')} />
            <p class="form-actions release-save">
              <button type="submit" safe>
                {t.workspaceSave}
              </button>
            </p>
          </form>
          <AddBlockSection {...props} base={base} addOutcome={outcomeOf('addBlock')} addTyped={typedOf('addBlock')} />
          {data.ownState === 'draft' ? (
            <DeleteDraftForm
              ctx={ctx}
              csrf={csrf}
              action={`${base}/delete`}
              version={r.version}
              formClass="delete-form"
            />
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
        <EmptyOr empty={t.editorialNoGaps} isEmpty={preview.gaps.length === 0}>
          <ul class="gaps">
            {preview.gaps.map((g) => (
              <li safe>{g}</li>
            ))}
          </ul>
        </EmptyOr>
        <h4 safe>{t.editorialLinterFindings}</h4>
        <EmptyOr empty={t.editorialNoFindings} isEmpty={preview.findings.length === 0}>
          <ul class="findings">
            {preview.findings.map((f) => (
              <FindingItem ctx={ctx} finding={f} />
            ))}
          </ul>
        </EmptyOr>
      </section>
      <div class="release-preview">
        <ReleaseArticle m={preview.model} />
      </div>
    </aside>
  );
}
