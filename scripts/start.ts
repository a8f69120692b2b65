/**
 * `npm start`: builds the site, then serves dist/ at http://localhost:4321 with decap-server
 * beside it (port 8081, or CMS_LOCAL_PORT, the port the generated /admin config points at), so /admin/ edits the files in content/ on this machine.
 * Rebuild (npm run build) to see edits on the site; `npm run dev` reloads them live.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { run } from './run.ts';

if ((await run('node', ['scripts/build.ts'])) !== 0) process.exit(1);

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const children: ChildProcess[] = [
  spawn('npx', ['decap-server'], { stdio: 'inherit', env: { ...env, PORT: process.env.CMS_LOCAL_PORT ?? '8081' } }),
  spawn('npx', ['astro', 'preview', '--port', '4321', '--host', 'localhost'], { stdio: 'inherit', env }),
];
console.log('\n网站：http://localhost:4321/　内容管理：http://localhost:4321/admin/（按 Ctrl+C 停止）\n');

const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => { if (code) stop(); });
