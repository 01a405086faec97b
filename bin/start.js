#!/usr/bin/env node
// `npm start`: the compiled server in dist/, built first when it is missing or older than the sources.
// The freshness check runs in this process (no npm pre-script, no second Node start).
import module from 'node:module';
import { ensureBuilt } from '../scripts/build.js';

// Node ≥ 22.1 keeps the compiled code of dist/'s ~5 MB of modules on disk between starts (compiling them was
// a large part of a warm start); older Node has no such cache and starts as before.
module.enableCompileCache?.();

await ensureBuilt();
await import('../dist/main.js');
