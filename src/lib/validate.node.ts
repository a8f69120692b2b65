/**
 * Validates the whole content folder with the site's own schemas before Astro runs, and
 * reports each problem as one plain line naming the file and the field. Astro would stop at
 * the first bad file with a stack trace; an editor needs the list, in words.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { t } from '../i18n/t.ts';
import { splitFrontMatter } from './front-matter.ts';
import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName } from './enums.ts';
import { COLLECTION_FILES, makeSchemas } from './schema.ts';
import { findHostileHtml } from './hostile-html.ts';
import { ALLOWED_TAGS } from './sanitize-schema.ts';

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
export function contentReport(root: string): string | undefined {
  const problems = validateContent(root);
  if (problems.length === 0) return undefined;
  return [t('validate.failed', { count: problems.length }), ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
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

const schemas = makeSchemas({
  ref: (collection) => z.string().trim().min(1, '引用不能为空').transform((id): RefValue => ({ __ref: collection, id })),
  image: () => z.string().trim().min(1, '图片路径不能为空').transform((p): ImageValue => ({ __image: p })),
});

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
export function validateContent(root: string): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<CollectionName, Set<string>>();
  const parsed: { file: string; collection: CollectionName; id: string; data: unknown }[] = [];
  const rel = (f: string) => path.relative(process.cwd(), f) || f;

  if (!existsSync(root)) return [{ file: root, field: '', message: '内容目录不存在' }];

  for (const collection of COLLECTIONS) {
    const seen = new Set<string>();
    ids.set(collection, seen);
    for (const file of collectionFiles(root, collection)) {
      const id = path.basename(file, path.extname(file));
      if (!ID_RE.test(id)) {
        problems.push({ file: rel(file), field: '', message: `文件名“${id}”不合规：只能用小写英文字母、数字和连字符（它会出现在网址里）` });
        continue;
      }
      seen.add(id);
      const entry = readEntry(file);
      if ('error' in entry) {
        problems.push({ file: rel(file), field: '', message: entry.error });
        continue;
      }
      for (const finding of findHostileHtml(entry.body, ALLOWED_TAGS)) {
        problems.push({ file: rel(file), field: '', message: `正文含有不安全的内容：${finding}，请删除后再发布` });
      }
      const result = schemas[collection].safeParse(entry.data);
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push({ file: rel(file), field: fieldPath(issue.path), message: issue.message });
        }
        continue;
      }
      parsed.push({ file, collection, id, data: result.data });
    }
  }

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
        if (!existsSync(target)) {
          problems.push({ file: rel(entry.file), field: fieldPath(found.at), message: `图片“${found.image.__image}”不存在` });
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

  return problems;
}
