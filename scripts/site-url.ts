/**
 * SITE_URL, the site's public address (feeds, QR codes, the sitemap and canonical links carry
 * it). A production build refuses to run without a real one: a build with a production CMS
 * backend (CMS_BACKEND forgejo/gitea/gitlab/github) or with `--production` (the pipelines pass
 * it). A local build keeps the placeholder.
 */
export const PLACEHOLDER_SITE_URL = 'https://louyu.example.gov.cn';
const PRODUCTION_BACKENDS = new Set(['forgejo', 'gitea', 'gitlab', 'github']);

export function isProductionBuild(env: NodeJS.ProcessEnv, argv: readonly string[]): boolean {
  return argv.includes('--production') || PRODUCTION_BACKENDS.has((env.CMS_BACKEND ?? '').trim());
}

const WHERE = '在流水线变量中设置（Forgejo/Gitea：仓库设置 → Actions → 变量；GitLab：设置 → CI/CD → 变量），本机构建可用 SITE_URL=https://… npm run build';

/** The one-line refusal for a production build, or undefined when SITE_URL is fine (or not needed). */
export function siteUrlProblem(env: NodeJS.ProcessEnv, argv: readonly string[]): string | undefined {
  const value = env.SITE_URL?.trim();
  if (value) {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol))
      return `构建失败：环境变量 SITE_URL 不是有效的网址（“${value}”），应形如 https://dangjian.example.gov.cn；${WHERE}`;
  }
  if (!isProductionBuild(env, argv)) return undefined;
  if (!value)
    return `构建失败：正式构建需要环境变量 SITE_URL（网站正式地址，用于订阅、二维码和网站地图），现在它${env.SITE_URL === undefined ? '未设置' : '为空'}；${WHERE}`;
  if (new URL(value).hostname === new URL(PLACEHOLDER_SITE_URL).hostname)
    return `构建失败：环境变量 SITE_URL 仍是示例地址 ${PLACEHOLDER_SITE_URL}，正式构建需要网站的真实地址；${WHERE}`;
  return undefined;
}
