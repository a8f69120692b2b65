/**
 * `npm run validate [content-root]`: checks every content file against the schemas and prints
 * one line per problem. Exits 1 when there is any, so the build never starts on bad content.
 */
import { contentReport } from '../src/lib/validate.node.ts';
import { t } from '../src/i18n/t.ts';

const root = process.argv[2] ?? process.env.CONTENT_ROOT ?? 'content';
const report = contentReport(root);
if (report) {
  console.error(report);
  process.exit(1);
}
console.log(t('validate.passed', { root }));
