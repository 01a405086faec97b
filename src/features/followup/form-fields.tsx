/**
 * Form controls with their validation message next to them (aria-describedby, aria-invalid), in
 * the editor's language. Used by the follow-up forms; kept apart so they read as a small kit.
 */

import type { ProblemsByField as Problems } from '../../platform/forms/problems.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { ChoiceOptions } from '../../ui/form.js';
import type { FormValues } from './edit-forms.js';
import { one } from './edit-forms.js';

export interface FieldState {
  ctx: PageContext;
  values: FormValues;
  problems: Problems;
}

function Problem({ state, name }: { state: FieldState; name: string }) {
  const key = state.problems[name];
  if (!key) return '';
  return (
    <span id={`${name}-error`} class="field-error" safe>
      {state.ctx.t[key]}
    </span>
  );
}

function describedBy(state: FieldState, name: string): { 'aria-describedby'?: string; 'aria-invalid'?: string } {
  return state.problems[name] ? { 'aria-describedby': `${name}-error`, 'aria-invalid': 'true' } : {};
}

/** A field on its own line: its label, the control, then what is wrong with it. */
function FieldLine(props: { state: FieldState; name: string; label: string; children: JSX.Element }): JSX.Element {
  return (
    <p>
      <label for={props.name} safe>
        {props.label}
      </label>
      {props.children as 'safe'}
      <Problem state={props.state} name={props.name} />
    </p>
  );
}

export function TextField(props: {
  state: FieldState;
  name: string;
  label: string;
  type?: 'text' | 'url' | 'date';
  required?: boolean;
  lang?: string;
}) {
  const { state, name } = props;
  return (
    <FieldLine {...props}>
      <input
        id={name}
        name={name}
        type={props.type ?? 'text'}
        value={one(state.values, name)}
        required={props.required}
        lang={props.lang}
        {...describedBy(state, name)}
      />
    </FieldLine>
  );
}

export function TextArea(props: { state: FieldState; name: string; label: string; lang: string }) {
  const { state, name } = props;
  return (
    <FieldLine {...props}>
      <textarea id={name} name={name} rows="4" lang={props.lang} {...describedBy(state, name)} safe>
        {one(state.values, name)}
      </textarea>
    </FieldLine>
  );
}

export function SelectField(props: {
  state: FieldState;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  empty?: string;
}) {
  const { state, name } = props;
  const current = one(state.values, name);
  return (
    <FieldLine {...props}>
      <select id={name} name={name} {...describedBy(state, name)}>
        <ChoiceOptions
          options={props.options}
          value={current}
          empty={props.empty !== undefined ? { label: props.empty } : undefined}
        />
      </select>
    </FieldLine>
  );
}

export function CheckboxGroup(props: {
  state: FieldState;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const { state, name } = props;
  const raw = state.values[name];
  const chosen = new Set(Array.isArray(raw) ? raw : raw ? [raw] : []);
  return (
    <fieldset {...describedBy(state, name)}>
      <legend safe>{props.legend}</legend>
      {props.options.map((o, i) => (
        <p class="check">
          <input type="checkbox" id={`${name}-${i}`} name={name} value={o.value} checked={chosen.has(o.value)} />
          <label for={`${name}-${i}`} safe>
            {o.label}
          </label>
        </p>
      ))}
      <Problem state={state} name={name} />
    </fieldset>
  );
}

export function Checkbox(props: { state: FieldState; name: string; label: string }) {
  const { state, name } = props;
  return (
    <p class="check">
      <input type="checkbox" id={name} name={name} value="1" checked={one(state.values, name) === '1'} />
      <label for={name} safe>
        {props.label}
      </label>
    </p>
  );
}

export function ProblemsSummary({ state }: { state: FieldState }) {
  if (Object.keys(state.problems).length === 0) return '';
  return (
    <p class="form-problems" role="alert" safe>
      {state.ctx.t.followupFormProblems}
    </p>
  );
}
