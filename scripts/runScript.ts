import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository's root, where `npm run` starts the scripts. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What one run of a command-line script did. */
export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a script (`scripts/import.ts`) with tsx from the repository root, as `npm run` does,
 * with `env` over this process's environment, for the command-line tests. A non-zero exit
 * is an answer to check, not an exception.
 */
export function runScript(script: string, args: readonly string[], env: Record<string, string>, timeout: number): Promise<ScriptRun> {
  return run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
    cwd: ROOT, env: { ...process.env, ...env }, timeout,
  }).then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
}
