/**
 * Closed sets of the content model. Pages, the CMS configuration and the schemas all read
 * these lists, so an option exists in exactly one place.
 */

/** The five kinds of station ("五站合一" means a station offers all five). */
export const STATION_SERVICES = ['党建工作站', '社会工作站', '工会工作站', '团建工作站', '妇联工作站'] as const;

/** The "五个一" equipment standard of report 三(一) 第四. */
export const EQUIPMENT = ['电脑', '电话', '办公桌', '打印机', '书柜'] as const;

/** How a station's office is provided. */
export const OFFICE_KINDS = ['独立', '与物业合用'] as const;

/** A street office (街道) or the one community-level unit (鲁谷社区). */
export const STREET_KINDS = ['街道', '社区'] as const;

/** News categories. */
export const NEWS_CATEGORIES = ['党建动态', '工作站动态', '通知公告'] as const;

/** Activity kinds: the report's "送关心、送服务、送知识、送政策" plus a catch-all. */
export const ACTIVITY_KINDS = ['送关心', '送服务', '送知识', '送政策', '其他'] as const;

/** Topics of the cross-station exchange board. */
export const EXCHANGE_TOPICS = ['组织建设', '服务企业', '活动开展', '队伍建设', '阵地建设', '宣传工作'] as const;

/** Quiz and exam question types (values are ASCII; labels come from the dictionary). */
export const QUESTION_TYPES = ['single', 'multiple', 'truefalse'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Collections whose entries can be referenced from another collection. */
export const COLLECTIONS = [
  'settings',
  'streets',
  'stations',
  'news',
  'activities',
  'columns',
  'theory',
  'courses',
  'lessons',
  'exams',
  'exchange',
  'diary',
  'pages',
  'topics',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** Sections a topic (专题) gathers entries from, in the order its page shows them. */
export const TOPIC_SECTIONS = ['news', 'theory', 'lessons', 'activities', 'exchange', 'diary'] as const;
export type TopicSection = (typeof TOPIC_SECTIONS)[number];
