/**
 * Generates the Decap CMS configuration from the content schemas, so the CMS and the schemas
 * cannot drift: every field, label, hint, widget, enum option, reference and "required" flag
 * comes from `src/lib/schema/schema.ts`. Only what the schemas cannot say (folders, file-name
 * patterns, list summaries) is written here. The fields are made in cms-fields.ts, the backend
 * in cms-backend.ts, /admin's Content-Security-Policy in cms-csp.ts.
 */
import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName } from './enums.ts';
import { COLLECTION_FILES, makeSchemas } from './schema.ts';
import { backendFromEnv, hasEditorialWorkflow, localBackendUrl, type CmsEnv } from './cms-backend.ts';
import { objectFields, schemaNode, type CmsField } from './cms-fields.ts';
import { FAVICON_HREF, MEDIA_UPLOADS_PATH } from '../publishing.ts';

/** Schemas whose references and images are recognisable by their metadata. */
const cmsSchemas = makeSchemas({
  ref: (collection) => z.string().meta({ cmsRef: collection }),
  image: () => z.string().meta({ cmsImage: true }),
});

/** Per collection: its Chinese name, how files are named, how entries are listed. */
interface CollectionSettings {
  label: string;
  labelSingular: string;
  /** Decap slug template for new files; ASCII only, unique per save (Decap appends -1, -2 on a clash). */
  slug?: string;
  summary?: string;
  /** Field used as the entry's title in lists when it is not `title`. */
  identifier?: string;
  /** The collection's Markdown body and its label; undefined for YAML data. */
  body?: string;
  /** Entries are created and deleted in the CMS. */
  create?: boolean;
  /** Collection-level media folder (relative to the collection folder) and the path written. */
  media?: { media_folder: string; public_folder: string };
}

/**
 * File-name templates (see cms-naming.ts for the rule and its tests). Each is ASCII and never
 * empty: a date written by the editor (Beijing wall-clock, through Decap's `date` filter) plus a
 * required id such as the station; Chinese titles would slug to nothing and are never used.
 * When a name is taken Decap appends -1, -2 …, so a second item never overwrites the first.
 */
export const SLUGS = {
  published: "{{fields.published | date('YYYY-MM-DD-HHmm')}}",
  dated: (dateField: string) => `{{fields.${dateField} | date('YYYY-MM-DD')}}-{{station}}`,
  stamped: (prefix: string) => `${prefix}-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}`,
} as const;

/** Media of news (covers and body pictures) live beside the content so Astro can optimise them. */
export const CONTENT_MEDIA = { media_folder: '../media', public_folder: '../media' } as const;

export const CMS_COLLECTIONS: Record<CollectionName, CollectionSettings> = {
  settings: { label: '站点设置', labelSingular: '站点设置' },
  streets: { label: '街道（社区）', labelSingular: '街道', identifier: 'name', create: true, slug: SLUGS.stamped('street'), summary: '{{name}}（{{kind}}）' },
  stations: {
    label: '工作站',
    labelSingular: '工作站',
    identifier: 'contact.address',
    body: '工作站介绍',
    create: true,
    slug: SLUGS.stamped('station'),
    summary: '{{buildings.0.name}}工作站（{{slug}}）',
  },
  news: {
    label: '党建动态',
    labelSingular: '动态',
    body: '正文',
    create: true,
    slug: SLUGS.published,
    summary: '{{published}} · {{title}}',
    media: CONTENT_MEDIA,
  },
  activities: { label: '活动通知', labelSingular: '活动', body: '活动详情', create: true, slug: SLUGS.dated('start'), summary: '{{start}} · {{title}}' },
  columns: { label: '理论专栏', labelSingular: '专栏', create: true, slug: SLUGS.stamped('column') },
  theory: { label: '理论文章', labelSingular: '文章', body: '正文', create: true, slug: SLUGS.published, summary: '{{published}} · {{title}}' },
  courses: { label: '网上党校课程', labelSingular: '课程', body: '课程介绍', create: true, slug: SLUGS.stamped('course') },
  lessons: { label: '课时', labelSingular: '课时', body: '课文', create: true, slug: '{{course}}-{{order}}', summary: '{{course}} 第{{order}}课 · {{title}}' },
  exams: { label: '考试题库', labelSingular: '考试', create: true, slug: '{{course}}' },
  exchange: { label: '经验交流', labelSingular: '交流', body: '正文', create: true, slug: SLUGS.dated('published'), summary: '{{published}} · {{title}}' },
  diary: { label: '党建日记', labelSingular: '日记', body: '正文', create: true, slug: SLUGS.dated('date'), summary: '{{date}} · {{title}}' },
  pages: { label: '单页', labelSingular: '单页', body: '正文', create: false },
  topics: {
    label: '专题',
    labelSingular: '专题',
    body: '专题介绍',
    create: true,
    slug: SLUGS.stamped('topic'),
    summary: '{{start}} · {{title}}',
    media: CONTENT_MEDIA,
  },
};

/** The fields of a collection, in schema order, plus the Markdown body where it has one. */
export function collectionFields(name: CollectionName): CmsField[] {
  const node = schemaNode(cmsSchemas[name]);
  if (node.type !== 'object' || !node.properties) throw new Error(`cms: collection ${name} is not an object schema`);
  const fields = objectFields(node);
  const body = CMS_COLLECTIONS[name].body;
  // Stations, courses and pages may have no text of their own; everything else needs a body.
  const bodyRequired = !['stations', 'courses', 'pages'].includes(name);
  if (body) fields.push({ name: 'body', label: body, widget: 'markdown', required: bodyRequired, hint: '正文，可用工具栏设置标题、列表和链接' });
  return fields;
}

/** One Decap collection definition. */
function collectionConfig(name: CollectionName, contentRoot: string): CmsField {
  const s = CMS_COLLECTIONS[name];
  const [folder, pattern] = COLLECTION_FILES[name].split('/') as [string, string];
  const extension = pattern.slice(pattern.lastIndexOf('.') + 1);
  if (name === 'settings') {
    return {
      name,
      label: s.label,
      files: [{ name: 'site', label: s.labelSingular, file: `${contentRoot}/${folder}/site.yaml`, fields: collectionFields(name) }],
    };
  }
  const config: CmsField = {
    name,
    label: s.label,
    label_singular: s.labelSingular,
    folder: `${contentRoot}/${folder}`,
    extension: extension === 'yaml' ? 'yaml' : 'md',
    format: extension === 'yaml' ? 'yaml' : 'frontmatter',
    create: s.create ?? false,
    fields: collectionFields(name),
  };
  if (s.slug) config.slug = s.slug;
  if (s.summary) config.summary = s.summary;
  if (s.identifier) config.identifier_field = s.identifier;
  if (s.media) Object.assign(config, s.media);
  return config;
}

export interface CmsOptions {
  /** Content folder relative to the repository root. */
  contentRoot: string;
  /** Site URL, shown in the CMS. */
  siteUrl: string;
  /** Build-time environment (process.env); defaults to none. */
  env?: CmsEnv;
}

/** The whole Decap configuration (serialised as YAML by the /admin/config.yml route). */
export function cmsConfig({ contentRoot, siteUrl, env = {} }: CmsOptions): CmsField {
  const backend = backendFromEnv(env);
  return {
    // Production: the Git server named by the environment, with the editorial workflow
    // (draft → in review → ready); only the chief editor's role can publish. Decap's gitea
    // backend refuses that workflow ("Error loading the CMS configuration"), so Gitea gets the
    // simple mode and the build warns (cmsWarnings); Forgejo and GitLab keep the review.
    backend,
    ...(hasEditorialWorkflow(backend.name) ? { publish_mode: 'editorial_workflow' } : {}),
    // On localhost: decap-server (npm start) writes straight into content/, no account needed.
    local_backend: { url: localBackendUrl(env) },
    locale: 'zh_Hans',
    site_url: siteUrl,
    display_url: siteUrl,
    logo_url: FAVICON_HREF,
    media_folder: 'public/media/uploads',
    public_folder: MEDIA_UPLOADS_PATH,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: COLLECTIONS.map((name) => collectionConfig(name, contentRoot)),
  };
}
