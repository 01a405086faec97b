import { loadConfig, runOrExit } from './app/bootstrap.js';
import { serve } from './app/serve.js';

await runOrExit(() => serve(loadConfig()));
