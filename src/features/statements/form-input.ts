/** A conflicted form post merged with what others saved (the readers themselves are platform/forms/form-body.ts). */
import type { ChangeSince } from '../../platform/conflict.js';
import { rebaseForm, rowAsSeen } from '../../platform/conflict.js';
import { type Form, field } from '../../platform/forms/form-body.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';

/**
 * After a conflict, the typed form merged three ways (the shell's rebaseForm): a field the editor
 * changed keeps what they typed; one they left as they saw it takes the other editor's newer value.
 * What they saw is the current row with the audit history since their version undone (rowAsSeen),
 * so saving again neither loses their text nor silently reverts the other editor's change.
 * `texts` are the row's LocalizedText fields (form names `${name}_${locale}`), `plain` its other fields
 * as the form writes them; both keyed by the names the audit rows use.
 */
export function rebaseTyped(
  body: Form,
  history: ChangeSince[],
  texts: Record<string, LocalizedText>,
  plain: Record<string, string> = {},
): Form {
  const seen = rowAsSeen<Record<string, unknown>>({ ...texts, ...plain }, history);
  const out: Form = { ...body };
  for (const [name, current] of Object.entries(texts)) {
    const before = (seen[name] ?? {}) as LocalizedText;
    for (const locale of LOCALES) {
      const key = `${name}_${locale}`;
      out[key] = rebaseForm(field(body, key), before[locale]?.text ?? '', current[locale]?.text ?? '');
    }
  }
  for (const [name, current] of Object.entries(plain)) {
    out[name] = rebaseForm(field(body, name), seen[name] == null ? '' : String(seen[name]), current);
  }
  return out;
}
