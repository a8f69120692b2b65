/**
 * Prints the ten slowest spec files at the end of the browser tests: the time of all their tests
 * added up, whichever workers ran them. (Playwright's own `reportSlowTests` leaves out files whose
 * tests were spread over several workers, which is most of them here: fullyParallel.)
 */
import path from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SlowestSpecs implements Reporter {
  private readonly files = new Map<string, { ms: number; tests: number }>();

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const file = `${test.parent.project()?.name ?? ''} ${path.relative(process.cwd(), test.location.file)}`;
    const entry = this.files.get(file) ?? { ms: 0, tests: 0 };
    entry.ms += result.duration;
    entry.tests += 1;
    this.files.set(file, entry);
  }

  onEnd(): void {
    const slowest = [...this.files].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10);
    if (slowest.length === 0) return;
    console.log('\n最慢的十个测试文件（各测试用时之和）：');
    for (const [file, { ms, tests }] of slowest) console.log(`  ${(ms / 60_000).toFixed(1).padStart(5)} 分钟  ${file}（${tests} 个测试）`);
  }
}
