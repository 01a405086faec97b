/**
 * The workspace frame: signed-in pages only. Its own navigation (the features' manifests), who is signed in and a
 * sign-out button, a skip link, and htmx as a same-origin script file (public pages have none).
 */

import type { Catalog } from '../platform/i18n/catalog.js';
import type { UserRow } from '../platform/sessions.js';
import type { PageContext } from '../platform/web/page-context.js';
import { HTMX_CONFIG, htmxScript } from '../platform/web/script-asset.js';
import { CsrfField } from './form.js';
import { Brand, HtmlDocument, LanguageSwitch, NavEntry } from './layout.js';

export interface WorkspaceProps {
  ctx: PageContext;
  user: UserRow;
  /** For the sign-out form (every page has one) and the page's own forms. */
  csrf: string;
}

interface LayoutProps extends WorkspaceProps {
  title: string;
  /** Reload the page after this many seconds (a progress page that works without JavaScript). */
  refreshSeconds?: number;
  children?: JSX.Element | JSX.Element[];
}

/** After the redirect from a save (`ctx.saved`): "Saved." announced politely, at the top of every workspace page. */
export function SavedNotice({ ctx, saved }: { ctx: PageContext; saved: boolean }): JSX.Element {
  return saved ? (
    <p class="notice" role="status" safe>
      {ctx.t.workspaceSaved}
    </p>
  ) : (
    ''
  );
}

export function roleName(t: Catalog, role: UserRow['role']): string {
  return role === 'admin' ? t.workspaceRoleAdmin : role === 'editor' ? t.workspaceRoleEditor : t.workspaceRoleMember;
}

export function WorkspaceLayout({ ctx, user, csrf, title, refreshSeconds, children }: LayoutProps): JSX.Element {
  const { t, locale } = ctx;
  return (
    <HtmlDocument
      ctx={ctx}
      title={`${title} · ${t.workspaceTitle} · ${t.siteName}`}
      beforeTitle={
        <>
          <meta name="robots" content="noindex" />
          <meta name="htmx-config" content={HTMX_CONFIG} />
          {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : ''}
        </>
      }
      head={<script src={htmxScript().href} defer></script>}
      bodyClass="workspace"
    >
      <header class="site-header workspace-header">
        <div class="wrap">
          <Brand ctx={ctx} href={`/${locale}/workspace`} tagline={t.workspaceTitle} />
          <nav aria-label={t.workspaceNavLabel}>
            <ul class="nav-list">
              {(ctx.workspaceNav ?? [])
                .filter((entry) => entry.visible(user))
                .map((entry) => (
                  <li>
                    <WorkspaceNavLink ctx={ctx} path={entry.path} label={entry.label(t)} />
                  </li>
                ))}
              <li>
                <a href={`/${locale}/`} safe>
                  {t.workspacePublicSite}
                </a>
              </li>
            </ul>
          </nav>
          <LanguageSwitch ctx={ctx} />
          <form class="workspace-user" method="post" action={`/${locale}/sign-out`}>
            <CsrfField token={csrf} />
            <span safe>{t.workspaceSignedInAs(user.email, roleName(t, user.role))}</span>{' '}
            <button type="submit" class="link-button" safe>
              {t.signOutButton}
            </button>
          </form>
        </div>
      </header>
      <main id="main" class="wrap" tabindex="-1">
        <SavedNotice ctx={ctx} saved={ctx.saved ?? false} />
        {/* children are JSX, already escaped where they were built */}
        {children as 'safe'}
      </main>
    </HtmlDocument>
  );
}

/** The home entry is current only on the home page; the others for everything under them. */
function WorkspaceNavLink({ ctx, path, label }: { ctx: PageContext; path: string; label: string }): JSX.Element {
  const here = ctx.pathWithinLocale.replace(/\/$/, '');
  const current = path === '/workspace' ? here === path : here === path || here.startsWith(`${path}/`);
  return <NavEntry ctx={ctx} path={path} label={label} current={current} />;
}
