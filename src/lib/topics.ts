/**
 * Topics (专题): which entries a topic gathers, in what order, and whether it is current. Plain
 * data in, plain data out; `topic-entries.content.ts` feeds it the site's content.
 */
import { TOPIC_SECTIONS, type TopicSection } from './schema/enums.ts';

/** What a topic is placed and gathers by. */
export interface TopicFacts {
  id: string;
  /** First day, 00:00 Beijing time. */
  start: Date;
  /** Last day (included), 00:00 Beijing time; none for an open-ended topic. */
  end?: Date;
  tags: readonly string[];
  /** Hand-picked entries, in the editor's order. */
  picks: readonly { section: TopicSection; id: string }[];
}

/** An entry that a topic may gather. */
export interface Gatherable {
  section: TopicSection;
  id: string;
  /** Publish time, start or day; lessons have none and keep the order they are given in. */
  date?: Date;
  tags: readonly string[];
}

export type TopicPhase = 'upcoming' | 'current' | 'ended';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant a topic is over: the end of its last day (the next day's 00:00), or never. */
export function topicEndsAt(topic: Pick<TopicFacts, 'end'>): Date | undefined {
  return topic.end && new Date(topic.end.getTime() + DAY_MS);
}

/** Whether a topic has not begun, is running, or is over at `now`. */
export function topicPhase(topic: Pick<TopicFacts, 'start' | 'end'>, now: Date): TopicPhase {
  if (now.getTime() < topic.start.getTime()) return 'upcoming';
  const over = topicEndsAt(topic);
  return over && now.getTime() >= over.getTime() ? 'ended' : 'current';
}

/**
 * Topics split by phase: current ones newest start first, upcoming ones soonest first, ended
 * ones most recently ended first (ties by id, so the order is stable from build to build).
 */
export function topicsByPhase<T extends TopicFacts>(topics: readonly T[], now: Date): Record<TopicPhase, T[]> {
  const out: Record<TopicPhase, T[]> = { upcoming: [], current: [], ended: [] };
  for (const topic of topics) out[topicPhase(topic, now)].push(topic);
  const byId = (a: T, b: T) => a.id.localeCompare(b.id);
  out.current.sort((a, b) => b.start.getTime() - a.start.getTime() || byId(a, b));
  out.upcoming.sort((a, b) => a.start.getTime() - b.start.getTime() || byId(a, b));
  out.ended.sort((a, b) => (b.end?.getTime() ?? 0) - (a.end?.getTime() ?? 0) || byId(a, b));
  return out;
}

const keyOf = (section: string, id: string) => `${section}:${id}`;

/** One section of a topic's page and the entries it shows. */
export interface TopicGroup<G> {
  section: TopicSection;
  items: G[];
}

/**
 * The entries a topic gathers, grouped by section in TOPIC_SECTIONS order, empty sections left
 * out. In each section the hand-picked entries come first, in the editor's order; then those
 * found by tag, newest first (undated ones keep their given order, after the dated). Tags only
 * gather entries dated before the topic is over, so an ended topic stays as it was. An entry
 * is listed once, and a pick that names no known entry is skipped (the validator reports it).
 */
export function gatherTopic<G extends Gatherable>(topic: TopicFacts, items: readonly G[]): TopicGroup<G>[] {
  const byKey = new Map(items.map((i) => [keyOf(i.section, i.id), i]));
  const taken = new Set<string>();
  const groups = new Map<TopicSection, G[]>(TOPIC_SECTIONS.map((s) => [s, []]));
  for (const pick of topic.picks) {
    const key = keyOf(pick.section, pick.id);
    const item = byKey.get(key);
    if (!item || taken.has(key)) continue;
    taken.add(key);
    groups.get(item.section)!.push(item);
  }
  const tags = new Set(topic.tags);
  const over = topicEndsAt(topic)?.getTime() ?? Infinity;
  const inTime = (item: G) => item.date === undefined || item.date.getTime() < over;
  const tagged = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => !taken.has(keyOf(item.section, item.id)) && inTime(item) && item.tags.some((tag) => tags.has(tag)))
    .sort((a, b) => {
      const ta = a.item.date?.getTime();
      const tb = b.item.date?.getTime();
      if (ta !== undefined && tb !== undefined && ta !== tb) return tb - ta;
      if ((ta === undefined) !== (tb === undefined)) return ta === undefined ? 1 : -1;
      return a.index - b.index;
    });
  for (const { item } of tagged) {
    taken.add(keyOf(item.section, item.id));
    groups.get(item.section)!.push(item);
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([section, list]) => ({ section, items: list }));
}

/** The entries of a topic in one list: its sections in order, as gatherTopic gives them. */
export function topicItems<G>(groups: readonly TopicGroup<G>[]): G[] {
  return groups.flatMap((g) => g.items);
}

/**
 * For each gathered entry ("news:<id>"), the ids of the topics it belongs to, in the order the
 * topics are given: a page looks its own key up to link back to its topics.
 */
export function topicMembership(topics: readonly { id: string; groups: readonly TopicGroup<Gatherable>[] }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const topic of topics) {
    for (const item of topicItems(topic.groups)) {
      const key = keyOf(item.section, item.id);
      const list = out.get(key);
      if (list) list.push(topic.id);
      else out.set(key, [topic.id]);
    }
  }
  return out;
}

/** The membership key of an entry (see topicMembership). */
export function membershipKey(section: TopicSection, id: string): string {
  return keyOf(section, id);
}

/** How many entries of a section the topic page shows before linking to the section's own pages. */
export const TOPIC_PREVIEW = 5;

/** Whether a section is long enough to get its own paginated pages. */
export function needsSectionPages(group: TopicGroup<unknown>): boolean {
  return group.items.length > TOPIC_PREVIEW;
}
