/**
 * The workspace shell's routes: the home page, htmx and the browser-zone script as fingerprinted files, and the Markdown preview
 * that the live preview of every Markdown field posts to.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { Contributions } from '../../platform/feature.js';
import { renderMarkdown } from '../../platform/text/markdown.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { browserTimeZoneScript, htmxScript } from '../../platform/web/script-asset.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { signedInRoutes } from '../../platform/web/workspace-request.js';
import { workspaceAttention } from './attention.js';
import { WorkspaceHomePage } from './home-views.js';

/** Longest Markdown field we preview (a statement body, at most 50,000 characters). */
const PREVIEW_MAX = 60_000;

export function registerWorkspaceRoutes(
  app: FastifyTypeBox,
  deps: SiteDeps,
  options: AuthOptions,
  home: { followupStaleMonths: number; contributions: Pick<Contributions, 'attention' | 'translationSources'> },
): void {
  for (const script of [htmxScript(), browserTimeZoneScript()]) {
    app.get(script.href, async (_request, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(script.source),
    );
  }

  localizedRoutes(app, (scope, locale) => {
    signedInRoutes(scope, { deps, auth: options }, (guarded) =>
      guarded.get('/workspace', async (request, reply) => {
        const w = request.workspace;
        const attention = await workspaceAttention(
          deps.db,
          w.user,
          {
            now: deps.now(),
            locale,
            t: w.ctx.t,
            followupStaleMonths: home.followupStaleMonths,
            translationSources: home.contributions.translationSources,
          },
          home.contributions.attention,
        );
        return sendHtml(reply, await (<WorkspaceHomePage {...w} attention={attention} />));
      }),
    );

    // htmx posts the whole form and names the field to preview (hx-vals), so the CSRF token comes along.
    // Without a session: a refusal (403), as for any post of a signed-in page.
    signedInRoutes(scope, { deps, auth: options, signedOut: 'refuse' }, (guarded) =>
      guarded.post(
        '/workspace/preview',
        {
          schema: {
            body: Type.Object(
              { _csrf: Type.String({ maxLength: 200 }), previewField: Type.String({ maxLength: 100 }) },
              { additionalProperties: true },
            ),
          },
        },
        async (request, reply) => {
          const body = request.body as Record<string, unknown>;
          const source = body[request.body.previewField];
          const text = typeof source === 'string' ? source.slice(0, PREVIEW_MAX) : '';
          // A fragment for htmx to swap in: the same renderer, hence the same escaping, as public pages.
          return sendHtml(reply, renderMarkdown(text));
        },
      ),
    );
  });
}
