import { messages } from '../../platform/i18n/format.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField } from '../../ui/form.js';
import { TitledPage } from '../../ui/layout.js';
import type { OrganizationRow } from './profile-service.js';

/** One form per language, so each saves on its own (and a conflict names one text). */
export function BoilerplateEditPage(props: { ctx: PageContext; csrf: string; organization: OrganizationRow }) {
  const { ctx, csrf, organization: o } = props;
  const { t, locale } = ctx;
  return (
    <TitledPage ctx={ctx} title={t.boilerplateEditTitle}>
      <p safe>{o.name}</p>
      <div>
        {LOCALES.map((textLocale) => (
          <form method="post" action={`/${locale}/organizations/${o.slug}/boilerplate`} class="form">
            <CsrfField token={csrf} />
            <input type="hidden" name="version" value={String(o.version)} />
            <input type="hidden" name="locale" value={textLocale} />
            <p>
              <label for={`text-${textLocale}`} safe>
                {t.boilerplateLabel(messages(textLocale).switchToThisLanguage)}
              </label>
              <textarea id={`text-${textLocale}`} name="text" lang={textLocale} rows="6" safe>
                {o.boilerplate[textLocale]?.text ?? ''}
              </textarea>
            </p>
            <p>
              <button type="submit" safe>
                {t.saveButton}
              </button>
            </p>
          </form>
        ))}
      </div>
    </TitledPage>
  );
}
