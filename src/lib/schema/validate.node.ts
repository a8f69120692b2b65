/**
 * Validates the whole content folder with the site's own schemas before Astro runs, and
 * reports each problem as one plain line naming the file and the field. Astro would stop at
 * the first bad file with a stack trace; an editor needs the list, in words.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { t } from '../../i18n/t.ts';
import { bodyOf, splitFrontMatter } from '../front-matter.ts';
import { z } from 'astro/zod';
import { COLLECTIONS, TOPIC_SECTIONS, type CollectionName, type TopicSection } from './enums.ts';
import { gatherTopic, type Gatherable } from '../topics.ts';
import { COLLECTION_FILES, MAX_LENGTH, RESERVED_COURSE_IDS, RESERVED_LESSON_IDS, RESERVED_PAGE_IDS, entryIdFromFile, makeSchemas } from './schema.ts';
import { parseBody, sanitiserRemovals } from '../sanitize-report.ts';
import { mayNeedSanitizing } from '../markdown.ts';
import { UPLOAD_FOLDERS, isRasterImagePath, uploadProblem } from '../uploads.ts';
import type { Element, Root, RootContent } from 'hast';
import { insideBounds, type Bounds, type LatLng } from '../stations/map-links.ts';
import { repeatedParagraphs, MIN_REPEATED_CHARS } from '../repeated-paragraphs.ts';

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

/** Ids appear in addresses: lower-case ASCII letters, digits and hyphens. */
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The content model as the validator runs it: references are ids, images are paths. */
export const validatorSchemas = makeSchemas({
  ref: (collection) =>
    z
      .string()
      .trim()
      .min(1, '引用不能为空')
      .max(MAX_LENGTH.id, `不能超过 ${MAX_LENGTH.id} 个字`)
      .regex(ID_RE, '应为所引用条目的文件名（小写英文字母、数字和连字符，不含路径和换行）')
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

/** C0 control characters other than tab and newline, and DEL: invisible, and they break XML and calendars. */
const CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Every string of parsed YAML (keys included) holding a control character, with its field path. */
function* controlCharacters(value: unknown, at: PropertyKey[] = []): Generator<PropertyKey[]> {
  if (typeof value === 'string') {
    if (CONTROL_RE.test(value)) yield at;
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* controlCharacters(v, [...at, i]);
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      if (CONTROL_RE.test(k)) yield [...at, k];
      yield* controlCharacters(v, [...at, k]);
    }
  }
}

/** `src` of every image in a parsed body. */
function imageSources(root: Root): string[] {
  const out: string[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const el = node as Element;
      if (el.tagName === 'img' && typeof el.properties?.src === 'string') out.push(el.properties.src);
      visit(el.children);
    }
  };
  visit(root.children);
  return out;
}

/** Whether `target` lies inside `dir`. */
function isInside(dir: string, target: string): boolean {
  const r = path.relative(path.resolve(dir), path.resolve(target));
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
}

/** Problems of every file in an uploads folder (recursively). */
function checkUploads(dir: string, video: boolean, rel: (f: string) => string): Problem[] {
  if (!existsSync(dir)) return [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      problems.push(...checkUploads(file, video, rel));
      continue;
    }
    const problem = uploadProblem(name, readFileSync(file).subarray(0, 16), video);
    if (problem) problems.push({ file: rel(file), field: '', message: problem });
  }
  return problems;
}

export interface ValidateOptions {
  /** The public folder whose media/ holds Decap's uploads and lesson video; default `public`. */
  publicDir?: string;
}

/** Reads the front matter (or the whole YAML file) of one entry, and the Markdown body. */
function readEntry(file: string): { data: unknown; body: string } | { error: string } {
  const raw = readFileSync(file, 'utf8');
  try {
    if (file.endsWith('.md') || file.endsWith('.mdx')) {
      const parts = splitFrontMatter(raw);
      if (!parts) return { error: '缺少以 --- 开头和结尾的文件头（front matter）' };
      return { data: yaml.load(parts.yaml) ?? {}, body: parts.body };
    }
    return { data: yaml.load(raw) ?? {}, body: '' };
  } catch (err) {
    if (err instanceof yaml.YAMLException) {
      const line = err.mark ? `第 ${err.mark.line + 1} 行` : '';
      return { error: `YAML 格式错误${line ? `（${line}）` : ''}：${err.reason}` };
    }
    throw err;
  }
}

function fieldPath(p: ReadonlyArray<PropertyKey>): string {
  return p.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '[');
}

/** Walks parsed data and yields every reference and image with its field path. */
function* walk(value: unknown, at: PropertyKey[] = []): Generator<{ at: PropertyKey[]; ref?: RefValue; image?: ImageValue }> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* walk(v, [...at, i]);
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    if ('__ref' in value) yield { at, ref: value as RefValue };
    else if ('__image' in value) yield { at, image: value as ImageValue };
    else for (const [k, v] of Object.entries(value)) yield* walk(v, [...at, k]);
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

/** Validates every collection under `root`; returns the problems, none when all is well. */
export function validateContent(root: string, { publicDir = 'public' }: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<CollectionName, Set<string>>();
  const parsed: { file: string; collection: CollectionName; id: string; data: unknown }[] = [];
  const rel = (f: string) => path.relative(process.cwd(), f) || f;

  if (!existsSync(root)) return [{ file: root, field: '', message: '内容目录不存在' }];

  for (const collection of COLLECTIONS) {
    const seen = new Set<string>();
    ids.set(collection, seen);
    for (const file of collectionFiles(root, collection)) {
      const id = entryIdFromFile(file);
      if (!ID_RE.test(id)) {
        problems.push({ file: rel(file), field: '', message: `文件名“${id}”不合规：只能用小写英文字母、数字和连字符（它会出现在网址里）` });
        continue;
      }
      if (collection === 'pages' && RESERVED_PAGE_IDS.has(id)) {
        problems.push({ file: rel(file), field: '', message: `文件名“${id}”是网站栏目的地址（/${id}/），单页不能使用，请换一个文件名` });
        continue;
      }
      if (collection === 'courses' && RESERVED_COURSE_IDS.has(id)) {
        problems.push({ file: rel(file), field: '', message: `文件名“${id}”是网上党校页面的地址（/school/${id}/），课程不能使用，请换一个文件名` });
        continue;
      }
      if (collection === 'lessons' && RESERVED_LESSON_IDS.has(id)) {
        problems.push({ file: rel(file), field: '', message: `文件名“${id}”是课程页面的地址（/school/<课程>/${id}/），课时不能使用，请换一个文件名` });
        continue;
      }
      seen.add(id);
      const entry = readEntry(file);
      if ('error' in entry) {
        problems.push({ file: rel(file), field: '', message: entry.error });
        continue;
      }
      let controls = false;
      for (const at of controlCharacters(entry.data)) {
        controls = true;
        problems.push({ file: rel(file), field: fieldPath(at), message: '含有不可见的控制字符，请删除（可能是从别处粘贴带来的）' });
      }
      // A body without markup, links or images renders untouched (the site skips the sanitiser
      // for it too: mayNeedSanitizing), so only the others are parsed here.
      if (entry.body && mayNeedSanitizing(entry.body)) {
        const tree = parseBody(entry.body);
        for (const finding of sanitiserRemovals(tree)) {
          problems.push({ file: rel(file), field: '', message: `正文含有不安全的内容：${finding}，请删除后再发布` });
        }
        for (const src of imageSources(tree)) {
          if (/^[a-z][a-z0-9+.-]*:|^\/\/|^\/|^#/i.test(src)) continue;
          let decoded = src;
          try {
            decoded = decodeURI(src);
          } catch {
            // A malformed escape is checked as written.
          }
          const target = path.resolve(path.dirname(file), decoded);
          if (!isInside(root, target)) problems.push({ file: rel(file), field: '', message: `正文图片“${src}”指向内容目录之外，请把图片上传到 ${UPLOAD_FOLDERS.content}/ 后再引用` });
          else if (!existsSync(target)) problems.push({ file: rel(file), field: '', message: `正文图片“${src}”不存在` });
          else if (!isRasterImagePath(target)) problems.push({ file: rel(file), field: '', message: `正文图片“${src}”只能是 jpg、png、webp、gif 或 avif` });
        }
      }
      if (controls) continue;
      let result: z.ZodSafeParseResult<unknown>;
      try {
        result = validatorSchemas[collection].safeParse(entry.data);
      } catch (err) {
        // A rule that met data it did not expect: still one line naming the file, never a trace.
        problems.push({ file: rel(file), field: '', message: `内容无法解析：${err instanceof Error ? err.message.split('\n')[0] : String(err)}` });
        continue;
      }
      if (!result.success) {
        for (const issue of result.error.issues) {
          if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys) {
              problems.push({
                file: rel(file),
                field: fieldPath([...issue.path, key]),
                message:
                  key === 'slug'
                    ? '不允许设置 slug：条目的网址只由文件名决定'
                    : '不是这一类内容的字段，请删除（也可能是字段名拼写错误）',
              });
            }
            continue;
          }
          problems.push({ file: rel(file), field: fieldPath(issue.path), message: issue.message });
        }
        continue;
      }
      parsed.push({ file, collection, id, data: result.data });
    }
  }

  problems.push(...checkUploads(path.join(root, UPLOAD_FOLDERS.content), false, rel));
  problems.push(...checkUploads(path.join(publicDir, UPLOAD_FOLDERS.public), true, rel));

  const settingsCount = ids.get('settings')?.size ?? 0;
  if (settingsCount !== 1) {
    problems.push({ file: rel(path.join(root, 'settings')), field: '', message: `应当正好有一个站点设置文件，现有 ${settingsCount} 个` });
  }

  const replyTo = new Map<string, string>();
  for (const entry of parsed) {
    for (const found of walk(entry.data)) {
      if (found.ref) {
        if (!ids.get(found.ref.__ref)?.has(found.ref.id)) {
          problems.push({ file: rel(entry.file), field: fieldPath(found.at), message: `引用的 ${found.ref.__ref} 条目“${found.ref.id}”不存在` });
        } else if (entry.collection === 'exchange' && found.at[0] === 'replyTo') {
          replyTo.set(entry.id, found.ref.id);
        }
      }
      if (found.image) {
        const target = path.resolve(path.dirname(entry.file), found.image.__image);
        if (!isInside(root, target)) {
          problems.push({ file: rel(entry.file), field: fieldPath(found.at), message: `图片“${found.image.__image}”在内容目录之外，请上传到 ${UPLOAD_FOLDERS.content}/` });
        } else if (!existsSync(target)) {
          problems.push({ file: rel(entry.file), field: fieldPath(found.at), message: `图片“${found.image.__image}”不存在` });
        } else {
          const problem = uploadProblem(path.basename(target), readFileSync(target).subarray(0, 16), false);
          if (problem) problems.push({ file: rel(entry.file), field: fieldPath(found.at), message: `图片“${found.image.__image}”：${problem}` });
        }
      }
    }
  }

  // A reply chain must end at an original post; a cycle has no original to show.
  for (const start of replyTo.keys()) {
    const chain = [start];
    let next = replyTo.get(start);
    while (next !== undefined) {
      if (chain.includes(next)) {
        const file = parsed.find((e) => e.collection === 'exchange' && e.id === start)?.file ?? start;
        problems.push({ file: rel(file), field: 'replyTo', message: `回复关系形成循环：${[...chain, next].join(' → ')}` });
        break;
      }
      chain.push(next);
      next = replyTo.get(next);
    }
  }

  problems.push(...checkLocations(parsed, rel));
  problems.push(...checkExamLessons(parsed, rel));
  problems.push(...emptyTopics(parsed).map((p) => ({ ...p, file: rel(p.file) })));

  return problems;
}

/** Markdown files under `dir`, recursively, sorted. */
function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const full = path.join(dir, d.name);
      if (d.isDirectory()) return markdownFiles(full);
      return /\.mdx?$/.test(d.name) ? [full] : [];
    });
}

/**
 * Warnings that do not stop the build: a paragraph of MIN_REPEATED_CHARS or more characters
 * that appears twice anywhere in the content, named with both files.
 */
export function contentWarnings(root: string): Problem[] {
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  const texts = markdownFiles(root).map((file) => {
    const raw = readFileSync(file, 'utf8');
    return { file: rel(file), body: bodyOf(raw) };
  });
  return repeatedParagraphs(texts).map((r) => ({
    file: r.again,
    field: '',
    message: `这段文字（${[...r.paragraph].length} 字，不少于 ${MIN_REPEATED_CHARS} 字）与 ${r.first} 中的段落重复：“${[...r.paragraph].slice(0, 20).join('')}……”`,
  }));
}

type Parsed = { file: string; collection: CollectionName; id: string; data: unknown };

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
    if (result.success) out.push({ file, id: path.basename(file, path.extname(file)), data: result.data as z.output<(typeof validatorSchemas)[N]>, body: entry.body });
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
      return [{ file: e.file, field: topic.tags.length > 0 ? 'tags' : 'entries', message: `专题没有汇集到任何已发布的内容${tags ? `：${topic.end ? '专题结束前' : ''}没有条目带有标签 ${tags}` : ''}` }];
    });
}
