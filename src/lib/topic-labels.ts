/** How a topic's period reads: "2026年10月1日起" or "2026年3月1日至2026年6月30日". */
import { formatDate } from './dates.ts';
import { t } from '../i18n/t.ts';

export function topicPeriod(topic: { start: Date; end?: Date }): string {
  const start = formatDate(topic.start);
  return topic.end ? t('topics.periodEnded', { start, end: formatDate(topic.end) }) : t('topics.period', { start });
}
