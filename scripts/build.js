/**
 * Compiles Puente into dist/ with esbuild, so production runs plain JavaScript (no tsx, no type
 * checking at start; `npm run check` type-checks). One bundle per entry point below, sharing chunks;
 * packages in node_modules stay imports. Files the code reads at run time (stylesheet, migrations,
 * PGlite template) are found from the package root (src/platform/package-root.ts), not copied.
 *
 *   node scripts/build.js             build now (`npm run build`; also at `npm install`)
 *   node scripts/build.js --if-stale  build only when dist/ is missing or a source changed since;
 *                                     prints nothing unless the build fails (`npm start`, `npm run puente`)
 *
 * Plain JavaScript, so it runs where tsx is not installed. bin/puente.js imports ensureBuilt().
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist');
const stampPath = join(outdir, 'build-stamp.json');

/** dist/NAME.js ← source. The one place that names source files: update it when they move. */
const entryPoints = {
  main: 'src/main.ts',
  cli: 'src/cli.ts',
  'prepare-pglite-template': 'src/platform/db/prepare-pglite-template.ts',
  // Started as a worker thread by src/features/files/untrusted.ts, which finds it here by this name.
  'untrusted-worker': 'src/features/files/untrusted-worker.ts',
};
/** Packages left as imports (see the build options below). */
const BUNDLE_EXCLUDED = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  'pg-native',
  'jsdom',
  'dompurify',
  'pdfmake',
  'pdfjs-dist',
  'mammoth',
  'docx',
  'htmx.org',
  'yauzl',
  'file-type',
  'nodemailer',
  // Finds its indexing binary (@pagefind/<platform>, an optional dependency) beside itself at run time.
  'pagefind',
  // It loads `cookie` (CommonJS) with import() and reads its named exports; a bundled CommonJS module
  // imported that way only has a default export, so every Set-Cookie failed (the sign-in page answered 500).
  '@fastify/cookie',
  'esbuild',
  'typescript',
];
/** Besides the sources esbuild reports reading, a change to these also means rebuilding. */
const alsoWatched = ['scripts/build.js', 'tsconfig.json'];
/** Chunks a newer build no longer uses are deleted only after this, so a running process can still load them lazily. */
const KEEP_OLD_OUTPUTS_MS = 60 * 60 * 1000;

function mtimes(files) {
  return Object.fromEntries(files.map((file) => [file, statSync(join(root, file)).mtimeMs]));
}

/** dist/ was built from exactly the files as they are now (same modification times). */
export function isFresh() {
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (JSON.stringify(stamp.entryPoints) !== JSON.stringify(entryPoints)) return false;
    for (const name of Object.keys(entryPoints)) statSync(join(outdir, `${name}.js`));
    const now = mtimes(Object.keys(stamp.inputs));
    return Object.entries(stamp.inputs).every(([file, mtime]) => now[file] === mtime);
  } catch {
    return false; // no stamp, an output or an input gone: build
  }
}

export async function build({ quiet = false } = {}) {
  const started = performance.now();
  const esbuild = await import('esbuild'); // only when building: a fresh dist/ needs no esbuild
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    // Packages are bundled too (fewer files to resolve and load at start), except those that find
    // files of their own at run time (WebAssembly, native binaries, fonts, worker scripts) or are only
    // loaded on demand for a download or an upload.
    external: BUNDLE_EXCLUDED,
    banner: {
      js: "import { createRequire as __puenteRequire } from 'node:module'; const require = __puenteRequire(import.meta.url);",
    },
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    jsx: 'automatic',
    jsxImportSource: '@kitajs/html',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    write: false,
    logLevel: quiet ? 'error' : 'warning',
  });
  // Each file lands whole (write, then rename), entry points last: a process starting meanwhile
  // sees the old build or the new one, never half a file.
  const outputs = [...result.outputFiles].sort((a, b) => isEntry(a.path) - isEntry(b.path));
  for (const file of outputs) writeAtomically(file.path, file.contents);
  // Bundled packages change only through npm install, whose postinstall builds anyway: watching our
  // own sources keeps the check at start a few dozen stat calls.
  const ownSources = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  const inputs = mtimes([...ownSources, ...alsoWatched, 'package-lock.json']);
  writeAtomically(stampPath, `${JSON.stringify({ entryPoints, inputs }, null, 2)}\n`);
  pruneOldOutputs(new Set([stampPath, ...outputs.map((file) => file.path)]));
  if (!quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Built ${relative(root, outdir)}/ (${Object.keys(inputs).length} sources) in ${seconds} s.\n`);
  }
}

/** Builds when dist/ is missing or stale; quiet. True when it built. */
export async function ensureBuilt() {
  if (isFresh()) return false;
  await build({ quiet: true });
  return true;
}

function isEntry(path) {
  return Object.keys(entryPoints).some((name) => path.startsWith(join(outdir, `${name}.js`))) ? 1 : 0;
}

function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

function pruneOldOutputs(current) {
  const now = Date.now();
  for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || current.has(path)) continue;
    if (now - statSync(path).mtimeMs > KEEP_OLD_OUTPUTS_MS) rmSync(path, { force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  try {
    if (ifStale) await ensureBuilt();
    else await build();
  } catch (error) {
    // esbuild has printed its errors with their places already.
    const why = error.errors ? 'errors above' : error.message;
    process.stderr.write(`puente: the build failed (${why}); dist/ is unchanged.\n`);
    process.exitCode = 1;
  }
}
