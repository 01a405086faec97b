/** Showing translatable text: the reader's language, or the original marked with its own `lang`. */
import type { LocalizedText } from '../platform/text/localized-text.js';
import { resolveName, resolveText } from '../platform/text/localized-text.js';
import { renderMarkdown } from '../platform/text/markdown.js';
import type { PageContext } from '../platform/web/page-context.js';

interface Props {
  value: LocalizedText | null | undefined;
  ctx: PageContext;
  /** Element to wrap text in when it falls back (it needs its own lang attribute). */
  fallbackNote?: boolean;
}

/** Plain text in the reader's language, escaped; a fallback is wrapped with its real `lang`. */
export function LocalizedSpan({ value, ctx, fallbackNote = true }: Props): JSX.Element {
  const resolved = resolveText(value, ctx.locale);
  if (!resolved) return '';
  if (!resolved.isFallback) return <span safe>{resolved.text}</span>;
  return (
    <>
      <span lang={resolved.locale} safe>
        {resolved.text}
      </span>
      {fallbackNote ? <UntranslatedNote ctx={ctx} /> : ''}
    </>
  );
}

/** A name (an organization's) in the reader's language, else its own name; see `resolveName`. */
export function LocalizedName({
  value,
  own,
  ctx,
}: {
  value: LocalizedText | null | undefined;
  own: string;
  ctx: PageContext;
}) {
  const resolved = resolveName(value, ctx.locale, own);
  if (!resolved) return '';
  if (resolved.locale === ctx.locale || resolved.locale === null) return <span safe>{resolved.text}</span>;
  return (
    <span lang={resolved.locale} safe>
      {resolved.text}
    </span>
  );
}

/** The same name as plain text, for the <title>, attributes and sorting. */
export function localizedNamePlain(value: LocalizedText | null | undefined, own: string, ctx: PageContext): string {
  return resolveName(value, ctx.locale, own)?.text ?? '';
}

/** Markdown in the reader's language, as a block; a fallback gets its real `lang` and a note. */
export function LocalizedMarkdown({ value, ctx }: Props): JSX.Element {
  const resolved = resolveText(value, ctx.locale);
  if (!resolved) return '';
  const safeHtml = renderMarkdown(resolved.text);
  if (!resolved.isFallback) return <div class="prose">{safeHtml}</div>;
  return (
    <div class="prose" lang={resolved.locale}>
      <UntranslatedNote ctx={ctx} block />
      {safeHtml}
    </div>
  );
}

/** Plain text for places that cannot hold markup (the <title>, attributes). */
export function localizedPlain(value: LocalizedText | null | undefined, ctx: PageContext): string {
  return resolveText(value, ctx.locale)?.text ?? '';
}

function UntranslatedNote({ ctx, block = false }: { ctx: PageContext; block?: boolean }): JSX.Element {
  return block ? (
    <p class="untranslated" lang={ctx.locale} safe>
      {ctx.t.notYetTranslated}
    </p>
  ) : (
    <small class="untranslated" lang={ctx.locale}>
      {' '}
      (<span safe>{ctx.t.notYetTranslated}</span>)
    </small>
  );
}

/** A list of texts each in the reader's language (with the usual fallback), e.g. a recommendation's theme tags. */
export function LocalizedList(props: {
  ctx: PageContext;
  class: string;
  values: LocalizedText[];
  label?: string;
}): JSX.Element {
  return (
    <ul class={props.class} aria-label={props.label}>
      {props.values.map((value) => (
        <li>
          <LocalizedSpan value={value} ctx={props.ctx} />
        </li>
      ))}
    </ul>
  );
}
