#!/usr/bin/env node
// Runs the compiled CLI in dist/, building it first when it is missing or older than the sources.
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt();
await import('../dist/cli.js');
