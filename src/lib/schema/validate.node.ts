/**
 * Validates the whole content folder with the site's own schemas before Astro runs, and
 * reports each problem as one plain line naming the file and the field. Astro would stop at
 * the first bad file with a stack trace; an editor needs the list, in words.
 *
 * `validateContent` runs a list of named checks (CONTENT_CHECKS); the first runs the per-file
 * checks (FILE_CHECKS) over every file. No check recurses: every walk uses an explicit stack, and
 * CONTENT_LIMITS bounds what one file may make the build do (size, nesting, image pixels).
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { t } from '../../i18n/t.ts';
import { splitFrontMatter } from '../front-matter.ts';
import { z } from 'astro/zod';
import { COLLECTIONS, TOPIC_SECTIONS, type CollectionName, type TopicSection } from './enums.ts';
import { gatherTopic, type Gatherable } from '../topics.ts';
import { COLLECTION_FILES, MAX_LENGTH, RESERVED_COURSE_IDS, RESERVED_LESSON_IDS, RESERVED_PAGE_IDS, entryIdFromFile, makeSchemas } from './schema.ts';
import { parseBody, sanitiserRemovals, treeDepth } from '../sanitize-report.ts';
import { mayNeedSanitizing } from '../markdown.ts';
import { UPLOAD_FOLDERS, isRasterImagePath, uploadProblem } from '../uploads.ts';
import type { Root, RootContent } from 'hast';
import { insideBounds, type Bounds, type LatLng } from '../stations/map-links.ts';
import { ENTRY_ID_RE } from '../slugs.ts';
import { repeatedParagraphs, MIN_REPEATED_CHARS } from '../repeated-paragraphs.ts';
import { formatCharLines, formatCharNames, hasFormatChars } from '../format-chars.ts';
import { IMAGE_LIMITS, imageDimensions, imageSizeProblemOf } from '../image-limits.ts';
import { citationProblems } from '../school/citations.ts';
import { activityHosts, stationLocationFindings, type StationPlace } from '../stations/location-check.ts';

z.config(z.locales.zhCN());
z.config({
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? '缺少必填字段' : undefined),
});

export interface Problem {
  /** Path of the offending file, relative to the working directory. */
  file: string;
  /** Dotted path of the field, or empty when the whole file is at fault. */
  field: string;
  message: string;
}

/** One line per problem: `content/news/a.md: 字段 station：……`. */
export function formatProblem(p: Problem): string {
  return p.field ? `${p.file}: 字段 ${p.field}：${p.message}` : `${p.file}: ${p.message}`;
}

/**
 * The one validate-and-report step of the build, `npm run validate` and the bench: checks the
 * content under `root` and returns the report to print, a heading and one line per problem;
 * undefined when the content is valid.
 */
export function contentReport(root: string, options: ValidateOptions = {}): string | undefined {
  const problems = validateContent(root, options);
  if (problems.length === 0) return undefined;
  return [t('validate.failed', { count: problems.length }), ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
}

/** The warnings that do not stop a build (repeated paragraphs), as printed lines; undefined when none. */
export function contentWarningsReport(root: string): string | undefined {
  const warnings = contentWarnings(root);
  if (warnings.length === 0) return undefined;
  return [t('validate.warnings', { count: warnings.length }), ...warnings.map((w) => `  ${formatProblem(w)}`)].join('\n');
}

interface RefValue {
  __ref: CollectionName;
  id: string;
}
interface ImageValue {
  __image: string;
}

/** The content model as the validator runs it: references are ids, images are paths. */
export const validatorSchemas = makeSchemas({
  ref: (collection) =>
    z
      .string()
      .trim()
      .min(1, '引用不能为空')
      .max(MAX_LENGTH.id, `不能超过 ${MAX_LENGTH.id} 个字`)
      .regex(ENTRY_ID_RE, '应为所引用条目的文件名（小写英文字母、数字和连字符，不含路径和换行）')
      .transform((id): RefValue => ({ __ref: collection, id })),
  image: () =>
    z
      .string()
      .trim()
      .min(1, '图片路径不能为空')
      .max(MAX_LENGTH.path, `不能超过 ${MAX_LENGTH.path} 个字`)
      .refine(isRasterImagePath, '图片只能是 jpg、png、webp、gif 或 avif（不接受 SVG 等可含脚本的格式）')
      .transform((p): ImageValue => ({ __image: p })),
});

/**
 * Limits that keep one content file from hanging or crashing a build (documented in the README):
 * - MAX_BODY_BYTES: a Markdown body of 20 MB made Pagefind take 14 minutes on its shard;
 * - MAX_BODY_DEPTH: nesting (quotes, lists, inline HTML) deeper than this overflowed the stack of
 *   the tree walks (structuredClone, the sanitiser); no real text comes near it;
 * - MAX_YAML_DEPTH: front matter is at most a few levels deep (topic entries, quiz options);
 * - MAX_IMAGE_PIXELS / MAX_IMAGE_SIDE: a 17,000 × 17,000 PNG of 275 KB passed, Sharp refused it,
 *   and every reader's phone had to decode 289 megapixels.
 */
export const CONTENT_LIMITS = {
  bodyBytes: 512 * 1024,
  bodyDepth: 64,
  yamlDepth: 20,
  imagePixels: IMAGE_LIMITS.pixels,
  imageSide: IMAGE_LIMITS.side,
} as const;

/**
 * Control characters other than tab and newline: C0, DEL and C1 (U+0080–U+009F). Invisible, and
 * they break XML and calendars.
 */
const CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Fields where a format character (zero-width joiner, direction mark) is needed and documented.
 * None is today: every front-matter string refuses them (see format-chars.ts).
 */
export const FORMAT_CHARS_ALLOWED_FIELDS: ReadonlySet<string> = new Set();

/** Names of Object.prototype: an id that is one of them breaks plain-object lookups (`constructor`). */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype).map((n) => n.toLowerCase()));

/**
 * Every string of parsed YAML (keys included) and its field path, walked with an explicit stack
 * (no recursion; the YAML parser already bounds the depth and anchors are refused, so each node
 * is visited once).
 */
function* strings(value: unknown): Generator<{ at: PropertyKey[]; text: string }> {
  const stack: { value: unknown; at: PropertyKey[] }[] = [{ value, at: [] }];
  while (stack.length > 0) {
    const { value: v, at } = stack.pop()!;
    if (typeof v === 'string') yield { at, text: v };
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i], at: [...at, i] });
    else if (v && typeof v === 'object' && !(v instanceof Date)) {
      const entries = Object.entries(v).reverse();
      for (const [k, child] of entries) {
        yield { at: [...at, k], text: k };
        stack.push({ value: child, at: [...at, k] });
      }
    }
  }
}

/** `src` of every image in a parsed body (iterative). */
function imageSources(root: Root): string[] {
  const out: string[] = [];
  const stack: RootContent[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    const el = node;
    if (el.tagName === 'img' && typeof el.properties?.src === 'string') out.push(el.properties.src);
    for (let i = el.children.length - 1; i >= 0; i -= 1) stack.push(el.children[i]!);
  }
  return out;
}

/** Whether `target` lies inside `dir`. */
function isInside(dir: string, target: string): boolean {
  const r = path.relative(path.resolve(dir), path.resolve(target));
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
}

/** Width and height read from an image file's header (the first megabyte is enough for every type). */
const dimensionCache = new Map<string, { width: number; height: number } | undefined>();
function dimensionsOf(file: string): { width: number; height: number } | undefined {
  if (dimensionCache.has(file)) return dimensionCache.get(file);
  let result: { width: number; height: number } | undefined;
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(fstatSync(fd).size, 1024 * 1024));
    readSync(fd, buffer, 0, buffer.length, 0);
    result = imageDimensions(buffer);
  } catch {
    result = undefined;
  } finally {
    closeSync(fd);
  }
  dimensionCache.set(file, result);
  return result;
}

/** Why an image file is too large to publish, or undefined. */
export function imageSizeProblem(file: string): string | undefined {
  return imageSizeProblemOf(dimensionsOf(file));
}

/** Problems of every file in an uploads folder (walked with an explicit stack). */
function checkUploads(dir: string, video: boolean, rel: (f: string) => string): Problem[] {
  const problems: Problem[] = [];
  const folders = [dir];
  while (folders.length > 0) {
    const current = folders.pop()!;
    if (!existsSync(current)) continue;
    for (const name of readdirSync(current).sort()) {
      const file = path.join(current, name);
      if (statSync(file).isDirectory()) {
        folders.push(file);
        continue;
      }
      const problem = uploadProblem(name, readFileSync(file).subarray(0, 16), video) ?? (isRasterImagePath(file) ? imageSizeProblem(file) : undefined);
      if (problem) problems.push({ file: rel(file), field: '', message: problem });
    }
  }
  return problems;
}

export interface ValidateOptions {
  /** The public folder whose media/ holds Decap's uploads and lesson video; default `public`. */
  publicDir?: string;
}

/** The anchor or alias nearest a YAML node, refused: Decap never writes one, and they fan out. */
class AnchorRefused extends Error {
  line: number;
  constructor(line: number) {
    super('anchor');
    this.line = line;
  }
}

/** Parses YAML as the build does, refusing anchors and aliases and nesting deeper than the limit. */
export function loadYaml(text: string): unknown {
  const opened: number[] = [];
  // js-yaml 4.3 reads maxDepth; its type definitions predate the option.
  const options: yaml.LoadOptions & { maxDepth: number } = {
    maxDepth: CONTENT_LIMITS.yamlDepth,
    listener(event, state) {
      // The parser's state: position and line as it reads; `anchor` set on a node that has one.
      const s = state as unknown as { position: number; line: number; anchor: string | null; input: string };
      if (event === 'open') opened.push(s.line);
      else {
        const line = opened.pop() ?? s.line;
        if (s.anchor !== null && s.anchor !== undefined) throw new AnchorRefused(line + 1);
      }
    },
  };
  return yaml.load(text, options);
}

/** Reads the front matter (or the whole YAML file) of one entry, and the Markdown body. */
function readEntry(file: string): { data: unknown; body: string; bodyLine: number } | { error: string } {
  const raw = readFileSync(file, 'utf8');
  let offset = 0;
  try {
    if (file.endsWith('.md') || file.endsWith('.mdx')) {
      const parts = splitFrontMatter(raw);
      if (!parts) return { error: '缺少以 --- 开头和结尾的文件头（front matter）' };
      if (parts.problem) return { error: parts.problem };
      offset = raw.slice(0, raw.indexOf(parts.yaml)).split('\n').length - 1;
      return { data: loadYaml(parts.yaml) ?? {}, body: parts.body, bodyLine: parts.closingLine + 1 };
    }
    return { data: loadYaml(raw) ?? {}, body: '', bodyLine: 1 };
  } catch (err) {
    if (err instanceof AnchorRefused) {
      return { error: `YAML 中不允许使用锚点和别名（& 和 *）（第 ${err.line + offset} 行）：请把内容直接写出来` };
    }
    if (err instanceof yaml.YAMLException) {
      if (/maxDepth/.test(err.reason))
        return { error: `文件头嵌套过深（超过 ${CONTENT_LIMITS.yamlDepth} 层）${err.mark ? `（第 ${err.mark.line + 1 + offset} 行）` : ''}` };
      const line = err.mark ? `第 ${err.mark.line + 1 + offset} 行` : '';
      return { error: `YAML 格式错误${line ? `（${line}）` : ''}：${err.reason}` };
    }
    return { error: `内容无法解析：${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
}

function fieldPath(p: ReadonlyArray<PropertyKey>): string {
  return p
    .map((k) => (typeof k === 'number' ? `[${k}]` : String(k)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Every reference and image in parsed data with its field path (iterative). */
function* walk(value: unknown): Generator<{ at: PropertyKey[]; ref?: RefValue; image?: ImageValue }> {
  const stack: { value: unknown; at: PropertyKey[] }[] = [{ value, at: [] }];
  while (stack.length > 0) {
    const { value: v, at } = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i], at: [...at, i] });
    } else if (v && typeof v === 'object' && !(v instanceof Date)) {
      if ('__ref' in v) yield { at, ref: v as RefValue };
      else if ('__image' in v) yield { at, image: v as ImageValue };
      else for (const [k, child] of Object.entries(v).reverse()) stack.push({ value: child, at: [...at, k] });
    }
  }
}

/** The entry files of one collection (sorted), per its pattern in COLLECTION_FILES. */
export function collectionFiles(root: string, name: CollectionName): string[] {
  const [folder, pattern] = COLLECTION_FILES[name].split('/') as [string, string];
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return [];
  const ext = pattern.slice(pattern.lastIndexOf('.'));
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext) && statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => path.join(dir, f));
}

type Parsed = { file: string; collection: CollectionName; id: string; data: unknown };

/** What the checks share: the content root, every file's id, and the entries that passed their schema. */
export interface ValidationContext {
  root: string;
  publicDir: string;
  rel: (f: string) => string;
  ids: Map<CollectionName, Set<string>>;
  parsed: Parsed[];
}

/** One file as the per-file checks see it; `entry` once read. */
interface FileUnderCheck {
  file: string;
  collection: CollectionName;
  id: string;
  entry?: { data: unknown; body: string; bodyLine: number };
  /** The parsed body, once a check has parsed it. */
  tree?: Root;
  /** Set once the entry has passed its schema. */
  valid?: boolean;
}

/**
 * A check of one file. Returns its problems; `stop` ends the checks of this file (the later ones
 * need what this one found wrong: a readable header, a sane body).
 */
interface FileCheck {
  name: string;
  run(f: FileUnderCheck, ctx: ValidationContext): { problems: Problem[]; stop?: boolean } | Problem[];
}

const problem = (ctx: ValidationContext, file: string, field: string, message: string): Problem => ({ file: ctx.rel(file), field, message });

/** The checks each content file goes through, in order. */
export const FILE_CHECKS: readonly FileCheck[] = [
  {
    name: 'file-name',
    run: ({ file, collection, id }, ctx) => {
      const refuse = (message: string) => ({ problems: [problem(ctx, file, '', message)], stop: true });
      if (!ENTRY_ID_RE.test(id)) return refuse(`文件名“${id}”不合规：只能用小写英文字母、数字和连字符（它会出现在网址里）`);
      if (PROTOTYPE_NAMES.has(id)) return refuse(`文件名“${id}”是程序内部使用的名称，不能用作条目的文件名，请换一个文件名`);
      if (collection === 'pages' && RESERVED_PAGE_IDS.has(id)) return refuse(`文件名“${id}”是网站栏目的地址（/${id}/），单页不能使用，请换一个文件名`);
      if (collection === 'courses' && RESERVED_COURSE_IDS.has(id))
        return refuse(`文件名“${id}”是网上党校页面的地址（/school/${id}/），课程不能使用，请换一个文件名`);
      if (collection === 'lessons' && RESERVED_LESSON_IDS.has(id))
        return refuse(`文件名“${id}”是课程页面的地址（/school/<课程>/${id}/），课时不能使用，请换一个文件名`);
      ctx.ids.get(collection)!.add(id);
      return [];
    },
  },
  {
    name: 'header',
    run: (f, ctx) => {
      const entry = readEntry(f.file);
      if ('error' in entry) return { problems: [problem(ctx, f.file, '', entry.error)], stop: true };
      f.entry = entry;
      return [];
    },
  },
  {
    name: 'body-size',
    run: ({ file, entry }, ctx) => {
      const bytes = Buffer.byteLength(entry!.body, 'utf8');
      if (bytes <= CONTENT_LIMITS.bodyBytes) return [];
      const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
      return {
        problems: [problem(ctx, file, '', `正文过大（${size}），超过上限 ${CONTENT_LIMITS.bodyBytes / 1024} KB：请拆分成几篇，或把附件作为文件上传`)],
        stop: true,
      };
    },
  },
  {
    name: 'control-characters',
    run: ({ file, entry }, ctx) => {
      const found: Problem[] = [];
      for (const { at, text } of strings(entry!.data)) {
        if (CONTROL_RE.test(text)) found.push(problem(ctx, file, fieldPath(at), '含有不可见的控制字符，请删除（可能是从别处粘贴带来的）'));
        else if (hasFormatChars(text) && !FORMAT_CHARS_ALLOWED_FIELDS.has(fieldPath(at))) {
          found.push(
            problem(
              ctx,
              file,
              fieldPath(at),
              `含有不可见的格式字符（${formatCharNames(text).join('、')}，如零宽空格或文字方向控制符），请删除（常见于从微信等处粘贴的文字）`,
            ),
          );
        }
      }
      // The schema's rules would judge text the reader does not see: stop before them.
      return { problems: found, stop: found.length > 0 };
    },
  },
  {
    name: 'body-depth',
    run: (f, ctx) => {
      const body = f.entry!.body;
      // A body without markup is parsed only when a line opens many containers (cheap to see).
      const deepLine = body.split('\n').some((line) => (/^[ \t>*+\-0-9.)]*/.exec(line)?.[0].length ?? 0) >= 32);
      if (!body || !(mayNeedSanitizing(body) || deepLine)) return [];
      const tree = parseBody(body);
      if (treeDepth(tree, CONTENT_LIMITS.bodyDepth) > CONTENT_LIMITS.bodyDepth) {
        return {
          problems: [problem(ctx, f.file, '', `正文嵌套过深（引用、列表或 HTML 标签嵌套超过 ${CONTENT_LIMITS.bodyDepth} 层），请减少嵌套`)],
          stop: true,
        };
      }
      if (mayNeedSanitizing(body)) f.tree = tree;
      return [];
    },
  },
  {
    name: 'body-safety',
    run: ({ file, tree }, ctx) =>
      tree ? sanitiserRemovals(tree).map((finding) => problem(ctx, file, '', `正文含有不安全的内容：${finding}，请删除后再发布`)) : [],
  },
  {
    name: 'body-images',
    run: ({ file, tree }, ctx) => {
      if (!tree) return [];
      const found: Problem[] = [];
      for (const src of imageSources(tree)) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\/|^\/|^#/i.test(src)) continue;
        let decoded = src;
        try {
          decoded = decodeURI(src);
        } catch {
          // A malformed escape is checked as written.
        }
        const target = path.resolve(path.dirname(file), decoded);
        const say = (message: string) => found.push(problem(ctx, file, '', message));
        if (!isInside(ctx.root, target)) say(`正文图片“${src}”指向内容目录之外，请把图片上传到 ${UPLOAD_FOLDERS.content}/ 后再引用`);
        else if (!existsSync(target)) say(`正文图片“${src}”不存在`);
        else if (!isRasterImagePath(target)) say(`正文图片“${src}”只能是 jpg、png、webp、gif 或 avif`);
        else {
          const tooLarge = imageSizeProblem(target);
          if (tooLarge) say(`正文图片“${src}”：${tooLarge}`);
        }
      }
      return found;
    },
  },
  {
    name: 'schema',
    run: (f, ctx) => {
      const { file, collection, id, entry } = f;
      let result: z.ZodSafeParseResult<unknown>;
      try {
        result = validatorSchemas[collection].safeParse(entry!.data);
      } catch (err) {
        // A rule that met data it did not expect: still one line naming the file, never a trace.
        return [problem(ctx, file, '', `内容无法解析：${err instanceof Error ? err.message.split('\n')[0] : String(err)}`)];
      }
      if (result.success) {
        ctx.parsed.push({ file, collection, id, data: result.data });
        f.valid = true;
        return [];
      }
      return result.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) =>
              problem(
                ctx,
                file,
                fieldPath([...issue.path, key]),
                key === 'slug' ? '不允许设置 slug：条目的网址只由文件名决定' : '不是这一类内容的字段，请删除（也可能是字段名拼写错误）',
              ),
            )
          : [problem(ctx, file, fieldPath(issue.path), issue.message)],
      );
    },
  },
  {
    name: 'lesson-citations',
    run: ({ file, collection, entry, valid }, ctx) => (valid && collection === 'lessons' ? citationProblems(ctx.rel(file), entry!.body) : []),
  },
];

/** Runs the file checks over one file; a check that throws is one line naming the file, never a trace. */
function checkFile(f: FileUnderCheck, ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const check of FILE_CHECKS) {
    let result: ReturnType<FileCheck['run']>;
    try {
      result = check.run(f, ctx);
    } catch (err) {
      found.push(problem(ctx, f.file, '', `内容无法检查（${check.name}）：${err instanceof Error ? err.message.split('\n')[0] : String(err)}`));
      break;
    }
    const { problems, stop } = Array.isArray(result) ? { problems: result, stop: false } : result;
    found.push(...problems);
    if (stop) break;
  }
  return found;
}

/** A check over the whole content (after every file has been checked on its own). */
interface ContentCheck {
  name: string;
  run(ctx: ValidationContext): Problem[];
}

/** The checks of `validateContent`, in order; the first reads and checks every file. */
export const CONTENT_CHECKS: readonly ContentCheck[] = [
  {
    name: 'files',
    run: (ctx) =>
      COLLECTIONS.flatMap((collection) => {
        ctx.ids.set(collection, new Set());
        return collectionFiles(ctx.root, collection).flatMap((file) => checkFile({ file, collection, id: entryIdFromFile(file) }, ctx));
      }),
  },
  {
    name: 'uploads',
    run: (ctx) => [
      ...checkUploads(path.join(ctx.root, UPLOAD_FOLDERS.content), false, ctx.rel),
      ...checkUploads(path.join(ctx.publicDir, UPLOAD_FOLDERS.public), true, ctx.rel),
    ],
  },
  {
    name: 'one-settings-file',
    run: (ctx) => {
      const count = ctx.ids.get('settings')?.size ?? 0;
      return count === 1 ? [] : [problem(ctx, path.join(ctx.root, 'settings'), '', `应当正好有一个站点设置文件，现有 ${count} 个`)];
    },
  },
  { name: 'references-and-images', run: (ctx) => checkReferences(ctx) },
  { name: 'reply-cycles', run: (ctx) => checkReplyCycles(ctx) },
  { name: 'station-locations', run: (ctx) => checkLocations(ctx.parsed, ctx.rel) },
  { name: 'station-places', run: (ctx) => stationPlaces(ctx.parsed, ctx.rel).errors },
  { name: 'exam-lessons', run: (ctx) => checkExamLessons(ctx.parsed, ctx.rel) },
  { name: 'empty-topics', run: (ctx) => emptyTopics(ctx.parsed).map((p) => ({ ...p, file: ctx.rel(p.file) })) },
];

/** Validates every collection under `root`: runs CONTENT_CHECKS; returns the problems, none when all is well. */
export function validateContent(root: string, { publicDir = 'public' }: ValidateOptions = {}): Problem[] {
  if (!existsSync(root)) return [{ file: root, field: '', message: '内容目录不存在' }];
  const ctx: ValidationContext = { root, publicDir, rel: (f) => path.relative(process.cwd(), f) || f, ids: new Map(), parsed: [] };
  return CONTENT_CHECKS.flatMap((check) => check.run(ctx));
}

const isDraft = (data: unknown) => (data as { draft?: boolean }).draft === true;

/** Every reference names an existing entry, and a published entry names no draft; every image exists, inside content/, not too large. */
function checkReferences(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  const drafts = new Set(ctx.parsed.filter((e) => isDraft(e.data)).map((e) => `${e.collection}/${e.id}`));
  for (const entry of ctx.parsed) {
    for (const found of walk(entry.data)) {
      const at = fieldPath(found.at);
      if (found.ref) {
        if (!ctx.ids.get(found.ref.__ref)?.has(found.ref.id)) {
          problems.push(problem(ctx, entry.file, at, `引用的 ${found.ref.__ref} 条目“${found.ref.id}”不存在`));
        } else if (!isDraft(entry.data) && drafts.has(`${found.ref.__ref}/${found.ref.id}`)) {
          problems.push(problem(ctx, entry.file, at, `引用的 ${found.ref.__ref} 条目“${found.ref.id}”是草稿，不会发布：请先发布它，或改为引用已发布的条目`));
        }
      }
      if (found.image) {
        const target = path.resolve(path.dirname(entry.file), found.image.__image);
        const say = (message: string) => problems.push(problem(ctx, entry.file, at, message));
        if (!isInside(ctx.root, target)) say(`图片“${found.image.__image}”在内容目录之外，请上传到 ${UPLOAD_FOLDERS.content}/`);
        else if (!existsSync(target)) say(`图片“${found.image.__image}”不存在`);
        else {
          const bad = uploadProblem(path.basename(target), readFileSync(target).subarray(0, 16), false) ?? imageSizeProblem(target);
          if (bad) say(`图片“${found.image.__image}”：${bad}`);
        }
      }
    }
  }
  return problems;
}

/** A reply chain must end at an original post; a cycle has no original to show. */
function checkReplyCycles(ctx: ValidationContext): Problem[] {
  const replyTo = new Map<string, string>();
  for (const entry of ctx.parsed) {
    if (entry.collection !== 'exchange') continue;
    const ref = (entry.data as { replyTo?: RefValue }).replyTo;
    if (ref && ctx.ids.get('exchange')?.has(ref.id)) replyTo.set(entry.id, ref.id);
  }
  const problems: Problem[] = [];
  for (const start of replyTo.keys()) {
    const chain = [start];
    const seen = new Set(chain);
    let next = replyTo.get(start);
    while (next !== undefined) {
      if (seen.has(next)) {
        const file = ctx.parsed.find((e) => e.collection === 'exchange' && e.id === start)?.file ?? start;
        problems.push(problem(ctx, file, 'replyTo', `回复关系形成循环：${[...chain, next].join(' → ')}`));
        break;
      }
      chain.push(next);
      seen.add(next);
      next = replyTo.get(next);
    }
  }
  return problems;
}

/** Markdown files under `dir` and its folders (walked with an explicit stack), sorted. */
function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const folders = [dir];
  while (folders.length > 0) {
    const current = folders.pop()!;
    if (!existsSync(current)) continue;
    for (const d of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, d.name);
      if (d.isDirectory()) folders.push(full);
      else if (/\.mdx?$/.test(d.name)) out.push(full);
    }
  }
  return out.sort((a, b) => a.localeCompare(b));
}

/**
 * Warnings that do not stop the build: a paragraph of MIN_REPEATED_CHARS or more characters
 * that appears twice anywhere in the content, named with both files.
 */
export function contentWarnings(root: string): Problem[] {
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  const places = stationPlaces(
    [
      ...readCollection(root, 'stations').map((e) => ({ ...e, collection: 'stations' as const })),
      ...readCollection(root, 'activities').map((e) => ({ ...e, collection: 'activities' as const })),
    ],
    rel,
  ).warnings;
  const texts = markdownFiles(root).map((file) => {
    const raw = readFileSync(file, 'utf8');
    const parts = splitFrontMatter(raw);
    return { file: rel(file), body: parts?.body ?? raw, firstLine: parts ? parts.closingLine + 1 : 1 };
  });
  const repeated = repeatedParagraphs(texts).map((r) => ({
    file: r.again,
    field: '',
    message: `这段文字（${[...r.paragraph].length} 字，不少于 ${MIN_REPEATED_CHARS} 字）与 ${r.first} 中的段落重复：“${[...r.paragraph].slice(0, 20).join('')}……”`,
  }));
  // Invisible format characters in a body: the site removes them when it renders the page.
  const invisible = texts.flatMap(({ file, body, firstLine }) => {
    const lines = formatCharLines(body).map((n) => n + firstLine - 1);
    if (lines.length === 0) return [];
    const shown = lines.slice(0, 10).join('、') + (lines.length > 10 ? ' 等' : '');
    return [{ file, field: '', message: `正文第 ${shown} 行含有不可见的格式字符（${formatCharNames(body).join('、')}），发布时已删除；建议在编辑器中也删去` }];
  });
  return [...places, ...repeated, ...invisible];
}

/** Station location findings (see stations/location-check.ts) over parsed entries. */
function stationPlaces(parsed: readonly Parsed[], rel: (f: string) => string) {
  const stations: StationPlace[] = parsed
    .filter((e) => e.collection === 'stations')
    .map((e) => ({ file: rel(e.file), id: e.id, location: (e.data as { location?: LatLng }).location }));
  return stationLocationFindings(stations, activityHosts(parsed.filter((e) => e.collection === 'activities').map((e) => e.data as { station?: RefValue })));
}

/** Station locations must lie inside the district's bounds given in settings. */
function checkLocations(parsed: readonly Parsed[], rel: (f: string) => string): Problem[] {
  const settings = parsed.find((e) => e.collection === 'settings');
  const bounds = (settings?.data as { bounds?: Bounds } | undefined)?.bounds;
  const problems: Problem[] = [];
  for (const entry of parsed) {
    if (entry.collection !== 'stations') continue;
    const location = (entry.data as { location?: LatLng }).location;
    if (!location) continue;
    if (!bounds) {
      problems.push({ file: rel(entry.file), field: 'location', message: '站点设置中没有填写辖区范围（bounds），无法核对工作站位置' });
    } else if (!insideBounds(location, bounds)) {
      problems.push({
        file: rel(entry.file),
        field: 'location',
        message: `位置 ${location.lat},${location.lng} 不在辖区范围内（纬度 ${bounds.south}—${bounds.north}，经度 ${bounds.west}—${bounds.east}）；请检查是否填反了经纬度`,
      });
    }
  }
  return problems;
}

/** Each exam question names the lesson that teaches it, and that lesson belongs to the exam's course. */
function checkExamLessons(parsed: readonly Parsed[], rel: (f: string) => string): Problem[] {
  const lessonCourse = new Map<string, string>();
  for (const e of parsed) {
    if (e.collection === 'lessons') lessonCourse.set(e.id, (e.data as { course: RefValue }).course.id);
  }
  const problems: Problem[] = [];
  for (const e of parsed) {
    if (e.collection !== 'exams') continue;
    const exam = e.data as { course: RefValue; questions: { lesson: RefValue }[] };
    exam.questions.forEach((q, i) => {
      const course = lessonCourse.get(q.lesson.id);
      // A missing lesson is already reported by the reference check.
      if (course !== undefined && course !== exam.course.id) {
        problems.push({
          file: rel(e.file),
          field: `questions[${i}].lesson`,
          message: `课时“${q.lesson.id}”属于课程“${course}”，不属于本考试的课程“${exam.course.id}”`,
        });
      }
    });
  }
  return problems;
}

/** One parsed entry as the validator sees it: references are `{ __ref, id }`, images `{ __image }`. */
export interface ParsedEntry<N extends CollectionName> {
  file: string;
  id: string;
  data: z.output<(typeof validatorSchemas)[N]>;
  body: string;
}

/** The entries of one collection that pass their schema (validateContent reports the others). */
export function readCollection<N extends CollectionName>(root: string, name: N): ParsedEntry<N>[] {
  const out: ParsedEntry<N>[] = [];
  for (const file of collectionFiles(root, name)) {
    const entry = readEntry(file);
    if ('error' in entry) continue;
    const result = validatorSchemas[name].safeParse(entry.data);
    if (result.success)
      out.push({ file, id: path.basename(file, path.extname(file)), data: result.data as z.output<(typeof validatorSchemas)[N]>, body: entry.body });
  }
  return out;
}

/**
 * Topics that gather nothing: no published entry is picked by hand or carries one of their tags
 * in time (the schema already refuses a topic with neither tags nor entries). Uses the very
 * gathering rule of the topic pages.
 */
function emptyTopics(parsed: readonly { file: string; collection: CollectionName; id: string; data: unknown }[]): Problem[] {
  const sections = new Set<string>(TOPIC_SECTIONS);
  const items: Gatherable[] = parsed
    .filter((e) => sections.has(e.collection) && !(e.data as { draft?: boolean }).draft)
    .map((e) => {
      const d = e.data as { published?: Date; start?: Date; date?: Date; tags?: string[] };
      return { section: e.collection as TopicSection, id: e.id, date: d.published ?? d.start ?? d.date, tags: d.tags ?? [] };
    });
  return parsed
    .filter((e) => e.collection === 'topics')
    .flatMap((e) => {
      const topic = e.data as { start: Date; end?: Date; tags: string[]; entries: { type: TopicSection; entry: RefValue }[] };
      const facts = { id: e.id, start: topic.start, end: topic.end, tags: topic.tags, picks: topic.entries.map((p) => ({ section: p.type, id: p.entry.id })) };
      if (topic.tags.length + topic.entries.length === 0 || gatherTopic(facts, items).length > 0) return [];
      const tags = topic.tags.map((tag) => `“${tag}”`).join('、');
      return [
        {
          file: e.file,
          field: topic.tags.length > 0 ? 'tags' : 'entries',
          message: `专题没有汇集到任何已发布的内容${tags ? `：${topic.end ? '专题结束前' : ''}没有条目带有标签 ${tags}` : ''}`,
        },
      ];
    });
}
