/** Stops the browser tests at once, with instructions, when no Chromium is installed. */
import { findChromium } from './chromium.ts';

if (!findChromium()) {
  console.error(
    [
      '找不到 Chromium 浏览器，无法运行浏览器测试。',
      '  Debian/Ubuntu：sudo apt-get install -y chromium fonts-noto-cjk',
      '  或者设置环境变量 CHROMIUM_PATH 指向已安装的 Chromium/Chrome 可执行文件。',
    ].join('\n'),
  );
  process.exit(1);
}
