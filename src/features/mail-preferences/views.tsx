import type { PageContext } from '../../platform/web/page-context.js';
import { TitledPage } from '../../ui/layout.js';

/**
 * The unsubscribe page: what the link will do and one button (a plain form, no JavaScript), or that it
 * is done. The form posts what RFC 8058's one-click POST sends, so both take one path.
 */
export function UnsubscribePage(props: {
  ctx: PageContext;
  email: string;
  action: string;
  state: 'ask' | 'done' | 'already';
}) {
  const { ctx, email, state } = props;
  const { t } = ctx;
  return (
    <TitledPage ctx={ctx} title={t.unsubscribeTitle} noindex>
      {state === 'ask' ? (
        <form method="post" action={props.action} class="form">
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <p safe>{t.unsubscribeAsk(email)}</p>
          <p>
            <button type="submit" class="button" safe>
              {t.unsubscribeButton}
            </button>
          </p>
        </form>
      ) : (
        <>
          <p role="status" class="form-done" safe>
            {state === 'done' ? t.unsubscribeDone(email) : t.unsubscribeAlready(email)}
          </p>
          <p safe>{t.unsubscribeUndo}</p>
        </>
      )}
    </TitledPage>
  );
}
