/**
 * Time bounds of the build's steps. A step that runs past its bound (content that makes a tool
 * hang, a stuck indexer) fails the build with one line naming the step: its child processes are
 * stopped, the staging folder removed, and the process exits, which releases the build lock, so
 * the next build does not wait 30 minutes for a build that will never finish.
 *
 * Bounds in seconds, per step; BUILD_STEP_SECONDS overrides some, e.g. `astro=600,pagefind=900`.
 */
import { rmSync } from 'node:fs';

export const STEP_NAMES = {
  validate: '内容检查',
  decap: '复制内容管理界面',
  astro: 'Astro 构建',
  pagefind: 'Pagefind 索引',
  precompress: '预压缩',
} as const;
export type StepName = keyof typeof STEP_NAMES;

/** Default bounds: generous (a 20,000-entry site builds in well under them on two cores). */
export const DEFAULT_STEP_SECONDS: Record<StepName, number> = { validate: 300, decap: 120, astro: 3600, pagefind: 3600, precompress: 3600 };

/** The bounds, with BUILD_STEP_SECONDS applied; a malformed override is an error naming it. */
export function stepSeconds(env: NodeJS.ProcessEnv = process.env): Record<StepName, number> {
  const bounds = { ...DEFAULT_STEP_SECONDS };
  for (const part of (env.BUILD_STEP_SECONDS ?? '').split(',').filter((p) => p.trim())) {
    const [name = '', value = ''] = part.split('=').map((s) => s.trim());
    const seconds = Number(value);
    if (!Object.hasOwn(STEP_NAMES, name) || !(seconds > 0)) {
      throw new Error(`BUILD_STEP_SECONDS 中的“${part}”不合规：应写作 步骤=秒数（步骤：${Object.keys(STEP_NAMES).join('、')}）`);
    }
    bounds[name as StepName] = seconds;
  }
  return bounds;
}

/**
 * Runs `work` within the bound of step `name`. `work` receives a signal that aborts when the bound
 * is passed (pass it to child processes so they are stopped). On timeout: says which step, removes
 * `staging`, exits 1.
 */
export async function boundedStep<T>(name: StepName, seconds: number, staging: string, work: (signal: AbortSignal) => Promise<T> | T): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), seconds * 1000);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => work(controller.signal)), timeout]);
  } catch (error) {
    if ((error as Error).message !== 'timeout') throw error;
    controller.abort();
    rmSync(staging, { recursive: true, force: true });
    console.error(`构建步骤“${STEP_NAMES[name]}”超过时限 ${seconds} 秒，已中止，本次构建失败；现有的 dist/ 未被改动。`);
    // Give aborted children a moment to receive their signal, then leave (releasing the lock).
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.exit(1);
  } finally {
    clearTimeout(timer);
  }
}
