/**
 * The search index of a built site, from the command line (the build calls indexSearch of
 * src/lib/search/search-indexer.node.ts directly; the bench and a spec run this):
 *
 *   node scripts/search-index.ts <site> [--report <file.json>]
 *
 * Environment: see src/lib/search/search-indexer.node.ts.
 */
import { writeFileSync } from 'node:fs';
import { envOptions, indexShards } from '../src/lib/search/search-indexer.node.ts';

const site = process.argv[2];
if (!site) {
  console.error('用法：node scripts/search-index.ts <网站目录> [--report <文件>]');
  process.exit(2);
}
const reportAt = process.argv.indexOf('--report');
try {
  const report = await indexShards(site, { ...envOptions(), log: (line) => console.error(line) });
  if (reportAt > 0 && process.argv[reportAt + 1]) writeFileSync(process.argv[reportAt + 1] as string, `${JSON.stringify(report, null, 2)}\n`);
} catch (error) {
  console.error(`搜索索引失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
