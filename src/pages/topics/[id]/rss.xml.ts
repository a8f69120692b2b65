/** /topics/<id>/rss.xml — the entries one topic gathers. */
import { keyedBySite } from '../../../lib/cache-keys.content.ts';
import type { APIRoute } from 'astro';
import { rssResponse } from '../../../lib/feeds/feed-entries.content.ts';
import { topicData, type TopicView } from '../../../lib/topic-entries.content.ts';
import { topicFeedItems } from '../../../lib/feeds/topic-feed.ts';
import { t } from '../../../i18n/t.ts';

export async function getStaticPaths() {
  return keyedBySite((await topicData()).topics.map((topic) => ({ params: { id: topic.id }, props: { topic } })));
}

export const GET: APIRoute<{ topic: TopicView }> = async ({ props, site }) => {
  const { topic } = props;
  return rssResponse(t('topics.feedTitle', { topic: topic.entry.data.title }), topic.entry.data.summary, site, [topicFeedItems(topic)]);
};
