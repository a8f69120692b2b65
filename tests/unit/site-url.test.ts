import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { siteUrlProblem } from '../../scripts/site-url.ts';

describe('SITE_URL for a production build', () => {
  it.each([
    ['missing, production backend', { CMS_BACKEND: 'forgejo' }, [], /SITE_URL.*未设置.*仓库设置 → Actions → 变量/],
    ['empty (an unset Forgejo variable), production backend', { CMS_BACKEND: 'gitlab', SITE_URL: '' }, [], /SITE_URL.*为空/],
    ['the placeholder, --production', { SITE_URL: 'https://louyu.example.gov.cn/' }, ['--production'], /仍是示例地址/],
    ['not an address', { SITE_URL: 'dangjian.example.gov.cn' }, [], /不是有效的网址/],
  ])('refuses it when %s', (_, env, argv, message) => {
    expect(siteUrlProblem(env, argv)).toMatch(message);
  });

  it.each([
    ['a local build keeps the placeholder', {}, []],
    ['a local build with an empty SITE_URL', { SITE_URL: '' }, []],
    ['a real address, production', { CMS_BACKEND: 'gitea', SITE_URL: 'https://dangjian.example.org' }, ['--production']],
  ])('accepts %s', (_, env, argv) => {
    expect(siteUrlProblem(env, argv)).toBeUndefined();
  });

  it('npm run build stops at once with one line naming the variable', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CMS_BACKEND: 'forgejo', BUILD_OUT_DIR: '.tmp/never-built' };
    delete env.SITE_URL;
    const r = spawnSync(process.execPath, ['scripts/build.ts', '--production'], { env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^构建失败：正式构建需要环境变量 SITE_URL/);
  });
});
