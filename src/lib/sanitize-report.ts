/**
 * What the sanitiser would remove from a Markdown body, in words an editor understands.
 *
 * The content validator must not keep its own list of dangerous patterns: a list drifts from
 * what the renderer really does (attributes holding ">", backslash-escaped colons in links and
 * entity-encoded schemes all slipped past the old one). Instead it parses the body exactly as
 * the site does (Sätteri with the site's Markdown features), runs the very same
 * hast-util-sanitize schema over the tree, and reports the difference: elements and attributes
 * present before and gone after.
 */
import { markdownToHast } from 'satteri';
import { sanitize } from 'hast-util-sanitize';
import type { Root, RootContent } from 'hast';
import { MARKDOWN_FEATURES } from './markdown.ts';
import { ALLOWED_TAGS, SANITIZE_SCHEMA } from './sanitize-schema.ts';
import { urlScheme } from './hostile-html.ts';

/** Properties the sanitiser keeps but prefixes ("user-content-…") instead of removing. */
const CLOBBERED = new Set(SANITIZE_SCHEMA.clobber ?? []);
const PREFIX = SANITIZE_SCHEMA.clobberPrefix ?? '';
/** Properties holding an address. */
const URL_PROPERTIES = new Set(['href', 'src', 'cite', 'longDesc', 'action', 'formAction', 'poster', 'data', 'srcSet', 'xLinkHref']);

/** The body as the site's Markdown parser turns it into a tree, before sanitising. */
export function parseBody(body: string): Root {
  return markdownToHast(body, { features: MARKDOWN_FEATURES }) as unknown as Root;
}

function valueText(value: unknown): string {
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** HTML spelling of a hast property name (onError → onerror, className → class). */
function attributeName(property: string): string {
  return property === 'className' ? 'class' : property === 'htmlFor' ? 'for' : property.toLowerCase();
}

interface Census {
  tags: Map<string, number>;
  attributes: Map<string, { count: number; tag: string; property: string; value: string }>;
}

/** Counts every element and every (element, attribute, value) in a tree (walked with an explicit stack). */
function census(root: Root, unclobber: boolean): Census {
  const result: Census = { tags: new Map(), attributes: new Map() };
  const stack: RootContent[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    {
      if (node.type !== 'element') continue;
      const el = node;
      result.tags.set(el.tagName, (result.tags.get(el.tagName) ?? 0) + 1);
      for (const [property, raw] of Object.entries(el.properties ?? {})) {
        if (raw === undefined || raw === null || raw === false) continue;
        let value = valueText(raw);
        if (unclobber && CLOBBERED.has(property))
          value = value
            .split(' ')
            .map((v) => (v.startsWith(PREFIX) ? v.slice(PREFIX.length) : v))
            .join(' ');
        const key = `${el.tagName}\u0000${property}\u0000${value}`;
        const seen = result.attributes.get(key);
        if (seen) seen.count += 1;
        else result.attributes.set(key, { count: 1, tag: el.tagName, property, value });
      }
      stack.push(...el.children);
    }
  }
  return result;
}

/**
 * Deepest nesting this module (and the sanitiser, which recurses) will walk. The content check
 * refuses deeper bodies first (CONTENT_LIMITS.bodyDepth) with a line naming the file; this is
 * the backstop for any other caller.
 */
export const MAX_TREE_DEPTH = 64;

/** Depth of a tree, counted with an explicit stack; stops counting past `limit`. */
export function treeDepth(root: Root, limit = MAX_TREE_DEPTH): number {
  let deepest = 0;
  const stack: { node: Root | RootContent; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    if ('children' in node) for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

/** Describes one removed attribute. */
function describeAttribute(tag: string, property: string, value: string): string {
  const name = attributeName(property);
  if (name.startsWith('on')) return `事件属性 ${name}（会执行脚本）`;
  if (URL_PROPERTIES.has(property)) {
    const scheme = urlScheme(value.split(/[\s,]/)[0] ?? '');
    if (scheme) return `<${tag}> 的 ${name} 使用了不安全的“${scheme}:”地址`;
  }
  return `<${tag}> 的 ${name} 属性`;
}

/**
 * Everything the site's sanitiser removes from `body`, described in Chinese without duplicates;
 * an empty list means the page will show the body exactly as written.
 */
export function sanitiserRemovals(body: string | Root): string[] {
  const before = typeof body === 'string' ? parseBody(body) : body;
  // structuredClone and the sanitiser recurse: a deeper tree would overflow the stack.
  if (treeDepth(before) > MAX_TREE_DEPTH) return [`嵌套过深的内容（超过 ${MAX_TREE_DEPTH} 层）`];
  const after = sanitize(structuredClone(before), SANITIZE_SCHEMA) as Root;
  const a = census(before, false);
  const b = census(after, true);
  const found = new Set<string>();
  for (const [tag, count] of a.tags) {
    if ((b.tags.get(tag) ?? 0) >= count) continue;
    found.add(ALLOWED_TAGS.has(tag) ? `被删除的 <${tag}> 元素（位于不允许的内容中）` : `不允许的 HTML 标签 <${tag}>`);
  }
  for (const [key, attr] of a.attributes) {
    if (!ALLOWED_TAGS.has(attr.tag)) continue;
    if ((b.attributes.get(key)?.count ?? 0) >= attr.count) continue;
    found.add(describeAttribute(attr.tag, attr.property, attr.value));
  }
  return [...found];
}
