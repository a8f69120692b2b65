/**
 * The content check as a long-lived process for the bad-content corpus: reads one JSON line per
 * case (`{ root, publicDir }`) and answers one JSON line (`{ status, out }`) with what
 * `npm run validate` would print and its exit status. Loading the schemas once instead of once
 * per case keeps the corpus fast; the test bounds every answer in time and restarts this
 * process when a case hangs.
 */
import { createInterface } from 'node:readline';
import { contentReport, contentWarningsReport } from '../../../src/lib/schema/validate.node.ts';
import { t } from '../../../src/i18n/t.ts';

for await (const line of createInterface({ input: process.stdin })) {
  const { root, publicDir } = JSON.parse(line) as { root: string; publicDir: string };
  let answer: { status: number; out: string };
  try {
    const report = contentReport(root, { publicDir });
    if (report) answer = { status: 1, out: `${report}\n` };
    else {
      const warnings = contentWarningsReport(root);
      answer = { status: 0, out: `${warnings ? `${warnings}\n` : ''}${t('validate.passed', { root })}\n` };
    }
  } catch (error) {
    // Printed as it is, so the test's "no stack trace" check sees it.
    answer = { status: 1, out: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
