/** Feed items of a topic: every gathered entry; a lesson, which has no date, counts from the topic's start. */
import type { FeedItem } from './feeds.ts';
import { topicItems, type TopicGroup } from '../topics.ts';
import type { TopicItem } from '../topic-entries.content.ts';

export function topicFeedItems(topic: { start: Date; groups: readonly TopicGroup<TopicItem>[] }): FeedItem[] {
  return topicItems(topic.groups).map((item) => ({
    title: item.title,
    link: item.href,
    pubDate: item.date ?? topic.start,
    description: item.summary ?? item.title,
    categories: [...item.tags],
  }));
}
