/** A form's fields bound once to its labels, values and errors, and the typed values of a form that failed. */
import { readLocaleValues } from '../platform/forms/form-body.js';
import type { FieldErrors } from '../platform/forms/validation.js';
import type { LocaleValues } from '../platform/text/bilingual.js';
import type { PageContext } from '../platform/web/page-context.js';
import { BilingualField } from './bilingual-field.js';
import { SelectField, TextAreaField, TextField } from './form.js';

type Bound<P> = Omit<P, 'ctx' | 'label' | 'value' | 'error'> & { label?: string };

/**
 * A form's fields bound to its labels, the values to show (typed ones after an error, otherwise the
 * stored row) and its errors, so that each field names only what is its own.
 */
export function boundFields(
  ctx: PageContext,
  form: { labels: Record<string, string>; values: object; errors: FieldErrors },
) {
  const values = form.values as Record<string, unknown>;
  const common = (name: string) => ({ ctx, name, label: form.labels[name] ?? name, error: form.errors[name] });
  const text = (name: string) => values[name] as string;
  return {
    Text: (p: Bound<Parameters<typeof TextField>[0]>) => <TextField {...common(p.name)} value={text(p.name)} {...p} />,
    TextArea: (p: Bound<Parameters<typeof TextAreaField>[0]>) => (
      <TextAreaField {...common(p.name)} value={text(p.name)} {...p} />
    ),
    Select: (p: Bound<Parameters<typeof SelectField>[0]>) => (
      <SelectField {...common(p.name)} value={text(p.name)} {...p} />
    ),
    Bilingual: (p: Omit<Parameters<typeof BilingualField>[0], 'ctx' | 'values' | 'errors'>) => (
      <BilingualField ctx={ctx} values={values[p.name] as LocaleValues} errors={form.errors} {...p} />
    ),
  };
}

/** What was typed into a form that failed, by field name; undefined when the page shows what is stored. */
export type Typed = Record<string, unknown> | undefined;

/** One typed text, or undefined when nothing was typed there (then the stored value shows). */
export function typedText(typed: Typed, name: string): string | undefined {
  return typeof typed?.[name] === 'string' ? (typed[name] as string) : undefined;
}

type BilingualSpec = Omit<Parameters<typeof BilingualField>[0], 'ctx' | 'values' | 'errors'>;

/**
 * A form's bilingual fields in order, each showing what was typed after an error, otherwise what is
 * stored, and its own error messages.
 */
export function BilingualFields(props: {
  ctx: PageContext;
  typed: Typed;
  errors: FieldErrors;
  fields: BilingualSpec[];
}): JSX.Element {
  const { ctx, typed, errors } = props;
  return (
    <>
      {props.fields.map((field) => (
        <BilingualField
          ctx={ctx}
          {...field}
          values={typed ? readLocaleValues(typed, field.name) : undefined}
          errors={errors}
        />
      ))}
    </>
  );
}
