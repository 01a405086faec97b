/**
 * `npm start`. The database starts opening first and the app's modules load meanwhile (PGlite's
 * WebAssembly compiles off the main thread), which shortens the start-up by the time of the loading.
 */
import { loadConfig, openServerDb, runOrExit } from './app/bootstrap.js';

await runOrExit(async () => {
  const config = loadConfig();
  const opening = openServerDb(config);
  // Should loading fail, the failure that reaches the user is that one; the database still closes.
  opening.catch(() => {});
  const { serve } = await import('./app/serve.js').catch(async (error: unknown) => {
    await opening.then((handle) => handle.close()).catch(() => {});
    throw error;
  });
  await serve(config, opening);
});
