/** Running Puente as real processes, the way operators and scripts do. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/**
 * The compiled entry points operators run: `bin/puente.js` (the `puente` command) and `bin/start.js`
 * (`npm start`) check dist/ is fresh, then run it in the same process, so the pid is the one holding the
 * data dir. The tests' global setup builds dist/ once beforehand, so these never build. A process starts
 * in well under a second this way, against several under tsx, and a suite spawns dozens.
 */
const puenteCommand = [process.execPath, 'bin/puente.js'] as const;
const startCommand = [process.execPath, 'bin/start.js'] as const;
/** `npm run dev`: the TypeScript through tsx, no build involved. */
const devCommand = [process.execPath, '--import', 'tsx', 'src/main.ts'] as const;

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: nothing from the developer's shell decides the outcome. */
export function puenteEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { PATH, HOME, USER, PGUSER } = process.env;
  return { PATH, HOME, USER, PGUSER, NODE_ENV: 'test', ...extra };
}

export async function run(command: string, args: string[], env: Record<string, string>): Promise<Finished> {
  const child = spawn(command, args, { cwd: repoRoot, env: puenteEnv(env) });
  return collect(child);
}

/** `puente ARGS` without npm in between. */
export function runCli(args: string[], env: Record<string, string>): Promise<Finished> {
  return run(puenteCommand[0], [...puenteCommand.slice(1), ...args], env);
}

async function collect(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

export interface RunningServer {
  pid: number;
  baseUrl: string;
  logs: () => string;
  stop(): Promise<Finished>;
}

/**
 * Starts `npm start`'s entry point (or `dev`: `npm run dev`'s, the TypeScript through tsx)
 * and resolves once the server logs that it listens (PORT=0 lets the OS pick a free port; the log line tells which).
 * `terminal`: with stdout a terminal, as someone typing `npm start` sees it (util-linux `script` gives it
 * one; stopping kills `script`, which takes the server with it).
 */
export async function startServer(
  env: Record<string, string>,
  { dev = false, terminal = false } = {},
): Promise<RunningServer> {
  const server = dev ? devCommand : startCommand;
  const [node, ...args] = terminal ? ['script', '-qfec', server.join(' '), '/dev/null'] : server;
  const child = spawn(node!, args, {
    cwd: repoRoot,
    env: puenteEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const finished = collect(child);
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening: ${stderr}${stdout}`)));
  });
  return {
    pid: child.pid!,
    baseUrl,
    logs: () => stdout + stderr,
    stop: async () => {
      child.kill('SIGTERM');
      const result = await finished;
      return { ...result, stdout: stdout + result.stdout };
    },
  };
}
