/** The release body after the lead: its blocks in order, editable in both languages, and the form that adds one. */

import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { BilingualField } from '../../ui/bilingual-field.js';
import { HiddenFields, readLocaleValues, SelectField } from '../../ui/form.js';
import { Section } from '../../ui/layout.js';
import { localizedPlain } from '../../ui/localized-view.js';
import type { WorkspaceProps } from '../../ui/workspace-layout.js';
import type { RegistryChoices, Typed } from '../statements/index.js';
import { blockKindName } from '../statements/index.js';
import { BLOCK_MAX } from './blocks-service.js';
import type { ReleaseForEditing } from './workspace-read.js';
import { str } from './workspace-views.js';

/**
 * The body's blocks as fields of the editor's one form (no form of their own): each block's text in
 * both languages, its position and a "remove" box.
 */
export function BlocksFields(
  props: WorkspaceProps & {
    data: ReleaseForEditing;
    choices: RegistryChoices;
    typed: Typed;
    outcome: FormOutcome;
  },
): JSX.Element {
  const { ctx, data, choices, typed } = props;
  const { t } = ctx;
  const errors = props.outcome.errors ?? {};
  const kindName = (kind: 'text' | 'quote' | 'highlights') => blockKindName(t, kind);
  const people = choices.people.map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <Section id="blocks-title" title={t.editorialBlocks}>
      <p class="hint" safe>
        {t.editorialBlocksHint}
      </p>
      {errors.blocks ? (
        <p class="field-error" id="f-blocks" safe>
          {errors.blocks}
        </p>
      ) : (
        ''
      )}
      <div class="release-blocks">
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
                maxLength={BLOCK_MAX}
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
                <input
                  type="checkbox"
                  id={`f-${name}_remove`}
                  name={`${name}_remove`}
                  value="1"
                  checked={str(typed, `${name}_remove`) === '1'}
                />
                <label for={`f-${name}_remove`} safe>
                  {t.editorialBlockRemove}
                </label>
              </div>
            </fieldset>
          );
        })}
      </div>
    </Section>
  );
}

/** Adding a block: its own small form (it saves the body with the new block at the end). */
export function AddBlockSection(
  props: WorkspaceProps & {
    data: ReleaseForEditing;
    choices: RegistryChoices;
    base: string;
    addTyped: Typed;
    addOutcome: FormOutcome;
  },
): JSX.Element {
  const { ctx, csrf, data, choices, base } = props;
  const { t } = ctx;
  const addErrors = props.addOutcome.errors ?? {};
  const kindName = (kind: 'text' | 'quote' | 'highlights') => blockKindName(t, kind);
  const people = choices.people.map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <section aria-labelledby="add-block-title">
      <form method="post" action={`${base}/blocks/add`} class="form add-block" novalidate>
        <HiddenFields csrf={csrf} version={data.release.version} />
        <input type="hidden" name="originalLocale" value={ctx.locale} />
        <h2 id="add-block-title" safe>
          {t.editorialAddBlock}
        </h2>
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
          maxLength={BLOCK_MAX}
        />
        <button type="submit" safe>
          {t.editorialAddBlock}
        </button>
      </form>
    </section>
  );
}
