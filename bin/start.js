#!/usr/bin/env node
// `npm start`: the compiled server in dist/, built first when it is missing or older than the sources.
// The freshness check runs in this process (no npm pre-script, no second Node start).
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt();
await import('../dist/main.js');
