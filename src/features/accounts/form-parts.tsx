/** The small forms of the account pages (sign-in, password, two-step codes): one input a line. */

/** A labelled input on its own line; the input's attributes are given in the order they are written. */
export function InputLine(props: { id: string; name: string; label: string } & Record<string, unknown>): JSX.Element {
  const { id, name, label, ...attributes } = props;
  return (
    <p>
      <label for={id} safe>
        {label}
      </label>
      <input id={id} name={name} {...attributes} />
    </p>
  );
}

/**
 * The one-time code input of the sign-in, setup and confirm forms: six digits while setting up, and
 * up to 20 characters where a recovery code is accepted too.
 */
export function CodeLine(props: { id?: string; label: string; numeric?: boolean; maxlength: '6' | '20' }): JSX.Element {
  return (
    <InputLine
      id={props.id ?? 'code'}
      name="code"
      label={props.label}
      inputmode={props.numeric ? 'numeric' : undefined}
      autocomplete="one-time-code"
      required
      maxlength={props.maxlength}
    />
  );
}

export function SubmitLine({ label }: { label: string }): JSX.Element {
  return (
    <p>
      <button type="submit" safe>
        {label}
      </button>
    </p>
  );
}

/** Why the last attempt failed, read out at once; nothing when it did not. */
export function FormError({ failed, message }: { failed: boolean | undefined; message: string }): JSX.Element {
  return failed ? (
    <p class="form-error" role="alert" safe>
      {message}
    </p>
  ) : (
    ''
  );
}
