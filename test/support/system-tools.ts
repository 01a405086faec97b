/**
 * The Debian packages the test suite runs besides Node: the one list, read by the global setup (which checks
 * for them before any test runs, and installs the missing ones itself when it can) and by `.ci/run`
 * (`node --import tsx test/support/system-tools.ts` prints the missing packages' names).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SystemTool {
  /** The Debian package that provides it. */
  package: string;
  /** Which tests need it, for the line that says why it is installed. */
  neededBy: string;
  /** Executables that must exist at these exact paths. */
  files?: string[];
  /** Commands that must be found on PATH. */
  commands?: string[];
  /** False when installing the package would not help (e.g. CHROMIUM_PATH names a file that is not there). */
  installable: boolean;
}

type Env = Record<string, string | undefined>;

export function systemTools(env: Env = process.env): SystemTool[] {
  const chromiumPath = env.CHROMIUM_PATH?.trim();
  return [
    {
      package: 'chromium',
      neededBy: 'browser tests',
      files: [chromiumPath || '/usr/bin/chromium'],
      installable: !chromiumPath,
    },
    {
      package: 'poppler-utils',
      neededBy: 'PDF text checks',
      commands: ['pdftotext', 'pdfinfo'],
      installable: true,
    },
    {
      package: 'libreoffice-writer',
      neededBy: 'DOCX checks',
      commands: ['soffice'],
      installable: true,
    },
    {
      // soffice converts a spreadsheet only with Calc installed; the package's own command tells it is.
      package: 'libreoffice-calc',
      neededBy: 'CSV and XLSX checks',
      commands: ['localc'],
      installable: true,
    },
  ];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(command: string, pathEnv: string | undefined): boolean {
  return (pathEnv ?? '').split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, command)));
}

/** The tools of `tools` that are not there, looking for commands on `pathEnv`. */
export function missingTools(tools: SystemTool[], pathEnv: string | undefined = process.env.PATH): SystemTool[] {
  return tools.filter(
    (tool) =>
      !(tool.files ?? []).every(isExecutable) || !(tool.commands ?? []).every((command) => onPath(command, pathEnv)),
  );
}

/** The one line that stops the run: what is missing and the exact command that fixes it. */
export function missingToolsMessage(missing: SystemTool[], env: Env = process.env): string {
  const what = missing.map((tool) => `${tool.package} (${tool.neededBy})`).join(', ');
  const installable = missing.filter((tool) => tool.installable).map((tool) => tool.package);
  const fixes: string[] = [];
  if (installable.length > 0) fixes.push(`sudo apt-get install ${installable.join(' ')}`);
  if (missing.some((tool) => !tool.installable)) {
    fixes.push(
      `point CHROMIUM_PATH at a Chromium binary (it is ${env.CHROMIUM_PATH}, which is not an executable file)`,
    );
  }
  return `The tests need ${what}, which this machine lacks: ${fixes.join(', and ')}.`;
}

export interface EnsureOptions {
  env?: Env;
  /** Whether this process may install Debian packages itself (root, with apt-get on PATH). */
  canInstall?: boolean;
  /** Runs `apt-get update` and `apt-get install`; returns whether both succeeded. */
  install?: (packages: string[]) => boolean;
  log?: (line: string) => void;
}

/**
 * Makes sure every tool is there: installs the missing packages when it may, and otherwise (or when that
 * did not help) throws a `MissingSystemTools` whose message is the one line to print.
 */
export function ensureSystemTools(options: EnsureOptions = {}): void {
  const env = options.env ?? process.env;
  const tools = systemTools(env);
  let missing = missingTools(tools, env.PATH);
  if (missing.length === 0) return;
  const canInstall = options.canInstall ?? (process.getuid?.() === 0 && onPath('apt-get', env.PATH));
  if (canInstall && missing.every((tool) => tool.installable)) {
    const packages = missing.map((tool) => tool.package);
    (options.log ?? console.log)(
      `Installing ${packages.join(' ')} (apt-get install -y --no-install-recommends), which the ${missing.map((tool) => tool.neededBy).join(', ')} need and this machine lacks.`,
    );
    if ((options.install ?? aptInstall)(packages)) missing = missingTools(tools, env.PATH);
  }
  if (missing.length > 0) throw new MissingSystemTools(missingToolsMessage(missing, env));
}

export class MissingSystemTools extends Error {
  override name = 'MissingSystemTools';
}

function aptInstall(packages: string[]): boolean {
  // apt's progress goes nowhere; its errors still reach the terminal.
  const aptGet = (args: string[]) =>
    spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  return aptGet(['update']) && aptGet(['install', '-y', '--no-install-recommends', ...packages]);
}

// `node --import tsx test/support/system-tools.ts`: the missing installable packages, one line, for .ci/run.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const missing = missingTools(systemTools()).filter((tool) => tool.installable);
  console.log(missing.map((tool) => tool.package).join(' '));
}
