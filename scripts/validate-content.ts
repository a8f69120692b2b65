/**
 * `npm run validate [content-root]`: checks every content file against the schemas, and the
 * uploads folders (content/media, public/media) against the accepted types, and prints
 * one line per problem. Exits 1 when there is any, so the build never starts on bad content.
 */
import { contentReport, contentWarningsReport } from '../src/lib/schema/validate.node.ts';
import { t } from '../src/i18n/t.ts';

const root = process.argv[2] ?? process.env.CONTENT_ROOT ?? 'content';
// PUBLIC_DIR: the folder whose media/ holds Decap's uploads; tests point it at a fixture's own public/.
const report = contentReport(root, { publicDir: process.env.PUBLIC_DIR ?? 'public' });
if (report) {
  console.error(report);
  process.exit(1);
}
const warnings = contentWarningsReport(root);
if (warnings) console.warn(warnings);
console.log(t('validate.passed', { root }));
