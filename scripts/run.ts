/** Runs a command with inherited output; resolves with its exit code. `signal` stops it (SIGTERM). */
import { spawn } from 'node:child_process';

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, signal?: AbortSignal): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, signal });
    // An aborted child reports an AbortError, then exits; a command that cannot start only errors.
    child.on('error', () => {
      if (!signal?.aborted) resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
