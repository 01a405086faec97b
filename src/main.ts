/**
 * `npm start`. The database starts opening first, and the app's modules load and its routes are
 * built meanwhile (PGlite compiles its WebAssembly off the main thread): the start-up takes the
 * longer of the two, not their sum.
 */
import { loadConfig, runOrExit, startOpeningServerDb } from './app/bootstrap.js';
import { markStartupPhase } from './platform/startup-timeline.js';

markStartupPhase('entry module loaded');

await runOrExit(async () => {
  const config = loadConfig();
  const opening = startOpeningServerDb(config);
  // Should loading fail, the failure that reaches the user is that one; the database still closes.
  const { serve } = await import('./app/serve.js').then(
    (module) => {
      markStartupPhase("app's modules loaded");
      return module;
    },
    async (error: unknown) => {
      await opening.opened.then((handle) => handle.close()).catch(() => {});
      throw error;
    },
  );
  await serve(config, opening);
});
