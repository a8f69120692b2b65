/**
 * `npm run validate [content-root]`: checks every content file against the schemas, and the
 * uploads folders (content/media, public/media) against the accepted types, and prints
 * one line per problem. Exits 1 when there is any, so the build never starts on bad content.
 */
import { contentWarnings, formatProblem, validateContent } from '../src/lib/validate.node.ts';

const root = process.argv[2] ?? process.env.CONTENT_ROOT ?? 'content';
// The folder whose media/ holds Decap's uploads; tests point it at a fixture's own public/.
const problems = validateContent(root, { publicDir: process.env.PUBLIC_DIR ?? 'public' });
if (problems.length > 0) {
  console.error(`内容检查未通过（${problems.length} 处问题），网站没有构建：`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
printWarnings(root);
console.log(`内容检查通过：${root}`);

/** Warnings never fail the check; they point editors at repeated text. */
function printWarnings(dir: string): void {
  const warnings = contentWarnings(dir);
  if (warnings.length === 0) return;
  console.warn(`内容检查提示（${warnings.length} 处，不影响发布）：`);
  for (const w of warnings) console.warn(`  ${formatProblem(w)}`);
}
