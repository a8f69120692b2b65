/**
 * ASCII slugs for the Chinese values that appear in list addresses (/news/category/<slug>/ …).
 * Closed sets get a hand-made map; free-form tags get a hash, so a tag's address never depends
 * on which other tags exist and never changes while the tag's text stays the same.
 */
import { ACTIVITY_KINDS, EXCHANGE_TOPICS, NEWS_CATEGORIES } from './schema/enums.ts';

type NewsCategory = (typeof NEWS_CATEGORIES)[number];
type ActivityKind = (typeof ACTIVITY_KINDS)[number];
type ExchangeTopic = (typeof EXCHANGE_TOPICS)[number];

/** The one rule for an entry's id (its file name without extension): lower-case ASCII words joined by hyphens. */
export const ENTRY_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** News category → address slug. */
export const CATEGORY_SLUGS: Record<NewsCategory, string> = {
  党建动态: 'dangjian',
  工作站动态: 'gongzuozhan',
  通知公告: 'tongzhi',
};

/** Activity kind → address slug. */
export const KIND_SLUGS: Record<ActivityKind, string> = {
  送关心: 'guanxin',
  送服务: 'fuwu',
  送知识: 'zhishi',
  送政策: 'zhengce',
  其他: 'qita',
};

/** Exchange topic → address slug. */
export const TOPIC_SLUGS: Record<ExchangeTopic, string> = {
  组织建设: 'zuzhi',
  服务企业: 'fuwu',
  活动开展: 'huodong',
  队伍建设: 'duiwu',
  阵地建设: 'zhendi',
  宣传工作: 'xuanchuan',
};

/**
 * Slug of a free-form tag: "t-" and the 32-bit FNV-1a hash of its trimmed text, in 8 hex digits.
 * Deterministic and independent of other tags; `tagSlugs` checks a whole set for collisions.
 */
export function tagSlug(tag: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(tag.trim())) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `t-${hash.toString(16).padStart(8, '0')}`;
}

/** Slug → tag for every tag given; throws if two different tags share a slug. */
export function tagSlugs(tags: Iterable<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim();
    const slug = tagSlug(tag);
    const seen = map.get(slug);
    if (seen !== undefined && seen !== tag) throw new Error(`标签“${seen}”和“${tag}”的地址相同（${slug}），请改写其中一个`);
    map.set(slug, tag);
  }
  return map;
}

/** The value of a closed set whose slug is `slug`, if any. */
export function fromSlug<K extends string>(map: Record<K, string>, slug: string): K | undefined {
  return (Object.keys(map) as K[]).find((k) => map[k] === slug);
}
