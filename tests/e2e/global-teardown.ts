/** After the browser tests: the fixture builder stopped (when still running) and the run's fixture sites deleted. */
import { rmSync } from 'node:fs';
import { runDir } from '../support/fixture-build.node.ts';

export default function globalTeardown(): void {
  const pid = Number(process.env.FIXTURE_BUILDER_PID);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
  if (process.env.FIXTURE_RUN_OWNED) rmSync(runDir(), { recursive: true, force: true });
}
