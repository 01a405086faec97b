import { loadConfig, runOrExit } from './bootstrap.js';
import { serve } from './serve.js';

await runOrExit(() => serve(loadConfig()));
