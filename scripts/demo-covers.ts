/**
 * `node scripts/demo-covers.ts`: draws the demo news covers and topic banners into content/media/. They are
 * original abstract pictures (shapes in the site's palette, no photographs), drawn as SVG and
 * rasterised with sharp to 1600×900 JPEG, so the demo exercises Astro's image pipeline with
 * nothing borrowed. Re-running overwrites them with identical pictures.
 */
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';

const W = 1600;
const H = 900;
const RED = '#a61b1b';
const DARK = '#6e1212';
const GOLD = '#e8b04a';
const CREAM = '#fbf3e4';
const GREEN = '#2f7d4f';

/** An SVG document of the cover size around `body`. */
const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${body}</svg>`;

/** A vertical gradient background. */
const sky = (id: string, top: string, bottom: string) =>
  `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#${id})"/>`;

/** A building block with a grid of windows, some lit. */
function tower(x: number, width: number, height: number, fill: string, seed: number): string {
  const top = H - height;
  let out = `<rect x="${x}" y="${top}" width="${width}" height="${height}" fill="${fill}"/>`;
  const cols = Math.max(2, Math.floor(width / 42));
  const rows = Math.floor((height - 40) / 54);
  const gap = width / cols;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const lit = (r * 7 + c * 13 + seed) % 5 < 2;
      out += `<rect x="${x + c * gap + gap * 0.25}" y="${top + 30 + r * 54}" width="${gap * 0.5}" height="28" fill="${lit ? GOLD : '#00000033'}"/>`;
    }
  }
  return out;
}

const covers: Record<string, string> = {
  // Skyline at dusk: lit windows in red towers.
  'louyu-jianying': svg(
    sky('s', '#f6d9a8', '#c94a3a') +
      `<circle cx="1240" cy="300" r="110" fill="${CREAM}" opacity="0.8"/>` +
      tower(80, 220, 520, DARK, 1) +
      tower(330, 180, 680, RED, 2) +
      tower(540, 260, 440, DARK, 3) +
      tower(830, 200, 760, RED, 4) +
      tower(1060, 240, 560, DARK, 5) +
      tower(1330, 190, 640, RED, 6),
  ),
  // A round meeting table from above with twelve seats.
  'lianxi-huiyi': svg(
    sky('s', CREAM, '#f1dcc0') +
      `<ellipse cx="800" cy="450" rx="430" ry="250" fill="${RED}"/>` +
      `<ellipse cx="800" cy="450" rx="380" ry="205" fill="#c23a2c"/>` +
      Array.from({ length: 12 }, (_, i) => {
        const a = (i / 12) * Math.PI * 2;
        return `<circle cx="${800 + Math.cos(a) * 520}" cy="${450 + Math.sin(a) * 320}" r="48" fill="${i % 3 === 0 ? GOLD : DARK}"/>`;
      }).join('') +
      `<rect x="700" y="420" width="200" height="60" rx="12" fill="${CREAM}" opacity="0.9"/>`,
  ),
  // An open book with rays of light.
  'dushu-hui': svg(
    sky('s', '#fff6e6', '#f3d9b8') +
      Array.from({ length: 7 }, (_, i) => {
        const a = Math.PI * (1.15 + i * 0.117);
        return `<line x1="800" y1="560" x2="${800 + Math.cos(a) * 700}" y2="${560 + Math.sin(a) * 700}" stroke="${GOLD}" stroke-width="18" stroke-linecap="round" opacity="0.6"/>`;
      }).join('') +
      `<path d="M800 600 C 650 520, 420 520, 260 580 L 260 800 C 420 740, 650 740, 800 820 Z" fill="${RED}"/>` +
      `<path d="M800 600 C 950 520, 1180 520, 1340 580 L 1340 800 C 1180 740, 950 740, 800 820 Z" fill="${DARK}"/>` +
      `<path d="M800 600 C 660 530, 450 530, 300 585 L 300 770 C 450 720, 660 720, 800 790 Z" fill="${CREAM}"/>` +
      `<path d="M800 600 C 940 530, 1150 530, 1300 585 L 1300 770 C 1150 720, 940 720, 800 790 Z" fill="#fffaf0"/>` +
      Array.from(
        { length: 4 },
        (_, i) =>
          `<line x1="360" y1="${620 + i * 36}" x2="720" y2="${612 + i * 36}" stroke="#d8c3a5" stroke-width="8"/><line x1="880" y1="${612 + i * 36}" x2="1240" y2="${620 + i * 36}" stroke="#d8c3a5" stroke-width="8"/>`,
      ).join(''),
  ),
  // Stairs going down to an exit with a green arrow.
  'shusan-yanlian': svg(
    sky('s', '#f4efe8', '#e3d8cb') +
      Array.from(
        { length: 7 },
        (_, i) => `<rect x="${140 + i * 150}" y="${200 + i * 90}" width="${1460 - i * 150}" height="90" fill="${i % 2 ? RED : DARK}"/>`,
      ).join('') +
      `<rect x="1180" y="110" width="300" height="170" rx="16" fill="${GREEN}"/>` +
      `<path d="M1220 175 h130 v-35 l90 55 l-90 55 v-35 h-130 z" fill="#ffffff"/>` +
      `<circle cx="330" cy="140" r="50" fill="${GOLD}"/>`,
  ),
  // Four sorting bins and leaves.
  lajifenlei: svg(
    sky('s', '#eef6ea', '#d4e7cf') +
      ['#2f6db3', GREEN, RED, '#6b6b6b']
        .map(
          (c, i) =>
            `<rect x="${250 + i * 290}" y="380" width="220" height="330" rx="18" fill="${c}"/><rect x="${232 + i * 290}" y="340" width="256" height="50" rx="12" fill="${c}"/><rect x="${330 + i * 290}" y="318" width="60" height="26" rx="8" fill="${c}"/>`,
        )
        .join('') +
      [
        [220, 180, -30],
        [640, 140, 20],
        [1050, 190, -10],
        [1380, 160, 35],
      ]
        .map(
          ([x, y, r]) =>
            `<path transform="translate(${x} ${y}) rotate(${r})" d="M0 0 C 60 -70, 160 -70, 200 0 C 160 70, 60 70, 0 0 Z" fill="${GREEN}"/><line transform="translate(${x} ${y}) rotate(${r})" x1="10" y1="0" x2="190" y2="0" stroke="#d4e7cf" stroke-width="6"/>`,
        )
        .join(''),
  ),
  // Buildings joined by lines: stations learning from each other.
  'hu-xue-hu-kan': svg(
    sky('s', '#fdf1ec', '#f0d2c6') +
      (() => {
        const points: [number, number][] = [
          [260, 520],
          [620, 300],
          [1000, 560],
          [1340, 320],
          [800, 740],
        ];
        const lines = points
          .flatMap((p, i) =>
            points.slice(i + 1).map((q) => `<line x1="${p[0]}" y1="${p[1]}" x2="${q[0]}" y2="${q[1]}" stroke="${GOLD}" stroke-width="10" opacity="0.7"/>`),
          )
          .join('');
        const houses = points
          .map(
            ([x, y], i) =>
              `<rect x="${x - 70}" y="${y - 110}" width="140" height="180" rx="10" fill="${i % 2 ? DARK : RED}"/><rect x="${x - 40}" y="${y - 80}" width="30" height="30" fill="${GOLD}"/><rect x="${x + 10}" y="${y - 80}" width="30" height="30" fill="${CREAM}"/><rect x="${x - 40}" y="${y - 30}" width="30" height="30" fill="${CREAM}"/><rect x="${x + 10}" y="${y - 30}" width="30" height="30" fill="${GOLD}"/>`,
          )
          .join('');
        return lines + houses;
      })(),
  ),
  // Topic banner: a path of open books climbing towards a rising sun (a season of study).
  'zhuanti-qingnian-xuexi': svg(
    sky('s', '#fff4dc', '#f2c98f') +
      `<circle cx="1260" cy="330" r="150" fill="${GOLD}"/>` +
      Array.from({ length: 9 }, (_, i) => {
        const a = Math.PI * (1.05 + i * 0.11);
        return `<line x1="1260" y1="330" x2="${1260 + Math.cos(a) * 420}" y2="${330 + Math.sin(a) * 420}" stroke="${GOLD}" stroke-width="12" opacity="0.45"/>`;
      }).join('') +
      Array.from({ length: 5 }, (_, i) => {
        const x = 120 + i * 230;
        const y = 780 - i * 90;
        return `<path d="M${x} ${y} l110 -40 l110 40 v70 l-110 -40 l-110 40 z" fill="${i % 2 ? DARK : RED}"/><path d="M${x + 20} ${y - 4} l90 -30 l90 30 v48 l-90 -30 l-90 30 z" fill="${CREAM}"/>`;
      }).join('') +
      `<rect x="0" y="840" width="${W}" height="60" fill="${DARK}"/>`,
  ),
  // Topic banner: a handshake of two arcs under office windows (jobs and steady employment).
  'zhuanti-wengang-jiuye': svg(
    sky('s', '#eef3f8', '#cfdbe8') +
      tower(60, 260, 620, '#4d5f73', 2) +
      tower(1280, 260, 700, '#4d5f73', 5) +
      `<path d="M420 620 C 560 420, 760 420, 800 520 C 840 420, 1040 420, 1180 620" fill="none" stroke="${RED}" stroke-width="70" stroke-linecap="round"/>` +
      `<path d="M560 640 C 660 560, 760 560, 800 600 C 840 560, 940 560, 1040 640" fill="none" stroke="${GOLD}" stroke-width="40" stroke-linecap="round"/>` +
      `<circle cx="800" cy="300" r="70" fill="${GREEN}"/><path d="M765 300 l25 25 l45 -50" fill="none" stroke="#ffffff" stroke-width="16" stroke-linecap="round" stroke-linejoin="round"/>`,
  ),
};

mkdirSync('content/media', { recursive: true });
for (const [name, body] of Object.entries(covers)) {
  const file = `content/media/${name}.jpg`;
  const info = await sharp(Buffer.from(body)).jpeg({ quality: 82, mozjpeg: true }).toFile(file);
  console.log(`${file}: ${info.width}×${info.height}, ${Math.round(info.size / 1024)} KB`);
}
