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
