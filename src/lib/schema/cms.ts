/**
 * Generates the Decap CMS configuration from the content schemas, so the CMS and the schemas
 * cannot drift: every field, label, hint, widget, enum option, reference and "required" flag
 * comes from `src/lib/schema/schema.ts`. Only what the schemas cannot say (folders, file-name
 * patterns, list summaries) is written here.
 */
import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName } from './enums.ts';
import { t } from '../../i18n/t.ts';
import { zhCN, type MessageKey } from '../../i18n/zh-CN.ts';
import { COLLECTION_FILES, makeSchemas } from './schema.ts';
import { FAVICON_HREF, MEDIA_UPLOADS_PATH } from '../publishing.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type CmsField = { [key: string]: Json };

interface Meta {
  title?: string;
  description?: string;
  cmsWidget?: string;
  cmsRef?: CollectionName;
  cmsImage?: boolean;
}

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
  stations: { label: '工作站', labelSingular: '工作站', identifier: 'contact.address', body: '工作站介绍', create: true, slug: SLUGS.stamped('station'), summary: '{{buildings.0.name}}工作站（{{slug}}）' },
  news: { label: '党建动态', labelSingular: '动态', body: '正文', create: true, slug: SLUGS.published, summary: '{{published}} · {{title}}', media: CONTENT_MEDIA },
  activities: { label: '活动通知', labelSingular: '活动', body: '活动详情', create: true, slug: SLUGS.dated('start'), summary: '{{start}} · {{title}}' },
  columns: { label: '理论专栏', labelSingular: '专栏', create: true, slug: SLUGS.stamped('column') },
  theory: { label: '理论文章', labelSingular: '文章', body: '正文', create: true, slug: SLUGS.published, summary: '{{published}} · {{title}}' },
  courses: { label: '网上党校课程', labelSingular: '课程', body: '课程介绍', create: true, slug: SLUGS.stamped('course') },
  lessons: { label: '课时', labelSingular: '课时', body: '课文', create: true, slug: '{{course}}-{{order}}', summary: '{{course}} 第{{order}}课 · {{title}}' },
  exams: { label: '考试题库', labelSingular: '考试', create: true, slug: '{{course}}' },
  exchange: { label: '经验交流', labelSingular: '交流', body: '正文', create: true, slug: SLUGS.dated('published'), summary: '{{published}} · {{title}}' },
  diary: { label: '党建日记', labelSingular: '日记', body: '正文', create: true, slug: SLUGS.dated('date'), summary: '{{date}} · {{title}}' },
  pages: { label: '单页', labelSingular: '单页', body: '正文', create: false },
  topics: { label: '专题', labelSingular: '专题', body: '专题介绍', create: true, slug: SLUGS.stamped('topic'), summary: '{{start}} · {{title}}', media: CONTENT_MEDIA },
};

/**
 * One node of the JSON Schema that zod's public `z.toJSONSchema()` writes for a content schema
 * (input side: what an editor types). Our `.meta()` keys (title, description, cmsWidget, cmsRef,
 * cmsImage) come through on the node they were set on.
 */
export interface SchemaNode extends Meta {
  type?: string;
  default?: unknown;
  enum?: string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  const?: unknown;
  minItems?: number;
  maxLength?: number;
  $ref?: string;
}

/** The JSON Schema of a content schema, every reused part written out in place. */
export function schemaNode(schema: z.ZodType): SchemaNode {
  // io "input": the value as typed, before transforms; z.date() (YAML timestamps) has no JSON form.
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' }) as SchemaNode;
}

/** A list item's one-line summary: its first text field, e.g. the question or building name. */
function listSummary(fields: CmsField[]): string {
  const first = fields.find((f) => f.widget === 'string' || f.widget === 'text') ?? fields[0];
  return typeof first?.name === 'string' ? `{{fields.${first.name}}}` : '';
}

/** Enum values shown as they are, except ASCII ones, which get their Chinese label. */
function selectOptions(values: string[]): Json[] {
  return values.map((value) => {
    const key = `cms.questionType.${value}`;
    return key in zhCN ? { label: t(key as MessageKey), value } : value;
  });
}

const DATE_ONLY_FIELDS = new Set(['date']);

/** The fields of an object node, in schema order. */
function objectFields(node: SchemaNode): CmsField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([k, v]) => toField(k, v, required.has(k)));
}

/**
 * Decap field for one schema field (`node` from `schemaNode`); `required` is whether its parent
 * object requires it. A string's `.max()` becomes Decap validation with a Chinese message and
 * is said in the hint, so the editor learns the limit before the build refuses the entry.
 */
export function toField(name: string, node: SchemaNode, required: boolean): CmsField {
  if (node.$ref) throw new Error(`cms: field "${name}" is a JSON Schema reference; give the schema no id`);
  const field: CmsField = { name, label: node.title ?? name, required };
  if (node.description) field.hint = node.description;
  if (node.default !== undefined) field.default = node.default as Json;

  if (node.cmsRef) {
    Object.assign(field, relation(node.cmsRef));
  } else if (node.cmsImage) {
    field.widget = 'image';
  } else if (node.cmsWidget === 'datetime' || node.cmsWidget === 'date') {
    field.widget = 'datetime';
    field.default = '{{now}}';
    if (node.cmsWidget === 'date' || DATE_ONLY_FIELDS.has(name)) Object.assign(field, { format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false });
    else Object.assign(field, { format: 'YYYY-MM-DD HH:mm', date_format: 'YYYY-MM-DD', time_format: 'HH:mm' });
  } else if (node.enum) {
    field.widget = 'select';
    field.options = selectOptions(node.enum);
  } else if (node.type === 'string') {
    field.widget = name === 'summary' || name === 'description' || name === 'explanation' || name === 'question' ? 'text' : 'string';
  } else if (node.type === 'integer' || node.type === 'number') {
    field.widget = 'number';
    field.value_type = node.type === 'integer' ? 'int' : 'float';
  } else if (node.type === 'boolean') {
    field.widget = 'boolean';
  } else if (node.type === 'object') {
    field.widget = 'object';
    field.fields = objectFields(node);
    // Decap validates an optional object's required parts even when it is left empty, so an
    // optional object (a lesson's video) marks its parts optional; the schema still requires
    // them together, and the validator names the missing one at build time.
    if (!required) field.fields = (field.fields as CmsField[]).map((f) => ({ ...f, required: false }));
    field.collapsed = !required;
  } else if (node.type === 'array' && node.items) {
    const element = node.items;
    if (element.enum) {
      Object.assign(field, { widget: 'select', multiple: true, options: selectOptions(element.enum) });
    } else if (element.type === 'object') {
      Object.assign(field, { widget: 'list', fields: objectFields(element) });
    } else if (element.oneOf || element.anyOf) {
      // A list whose items are of several kinds (a topic's entries from any section): Decap's
      // typed list, the kind written under the discriminator key.
      const options = (element.oneOf ?? element.anyOf)!;
      const key = discriminatorOf(options);
      Object.assign(field, { widget: 'list', typeKey: key, types: options.map((o) => listType(o, key)) });
    } else {
      // One input per item: a comma-separated line would split Chinese text wrongly.
      const item = element.type === 'integer' || element.type === 'number'
        ? { name: 'item', label: field.label as string, widget: 'number', value_type: 'int', min: 0 }
        : { name: 'item', label: field.label as string, widget: 'string' };
      Object.assign(field, { widget: 'list', field: item });
    }
    if (field.widget === 'list') {
      if (!required && field.default === undefined) field.default = [];
      if (node.minItems) field.min = node.minItems;
      if (field.fields) field.summary = listSummary(field.fields as CmsField[]);
    }
  } else {
    throw new Error(`cms: no widget for field "${name}" of type ${node.type ?? 'unknown'}`);
  }
  if (typeof node.maxLength === 'number' && typeof field.widget === 'string' && ['string', 'text'].includes(field.widget)) {
    const limit = t('cms.maxLength.hint', { max: node.maxLength });
    field.pattern = maxLengthPattern(node.maxLength);
    field.hint = node.description ? `${node.description}${t('cms.hint.separator')}${limit}` : limit;
  }
  return field;
}

/** The key whose constant value tells the kinds of a typed list apart (the union's discriminator). */
function discriminatorOf(options: SchemaNode[]): string {
  const first = options[0]?.properties ?? {};
  const key = Object.keys(first).find((k) => options.every((o) => typeof o.properties?.[k]?.const === 'string'));
  if (!key) throw new Error('cms: a list of several kinds needs a literal key in each kind');
  return key;
}

/** One kind of item of a typed list: its discriminator value names it, its other fields are its fields. */
function listType(option: SchemaNode, key: string): CmsField {
  const value = option.properties![key]!.const as string;
  const fields = objectFields({ ...option, properties: Object.fromEntries(Object.entries(option.properties!).filter(([k]) => k !== key)) });
  const type: CmsField = { name: value, label: option.title ?? value, widget: 'object', fields };
  if (option.description) type.hint = option.description;
  return type;
}

/** Decap's `pattern` for "at most `max` characters" (any character, newlines included). */
export function maxLengthPattern(max: number): [string, string] {
  return [`^[\\s\\S]{0,${max}}$`, t('cms.maxLength.error', { max })];
}

/**
 * A relation widget that picks an entry of another collection by its Chinese name. A station has
 * no title: it is found by any of its buildings' names (Decap expands `buildings.*.name` both for
 * searching and for the label, showing the building that matched) and its address.
 */
export function relation(collection: CollectionName): CmsField {
  const lookup: Partial<Record<CollectionName, { search: string[]; display: string[] }>> = {
    stations: { search: ['buildings.*.name', 'contact.address'], display: ['buildings.*.name'] },
    streets: { search: ['name'], display: ['name'] },
  };
  const { search, display } = lookup[collection] ?? { search: ['title'], display: ['title'] };
  return {
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    search_fields: search,
    display_fields: display,
    options_length: 50,
  };
}

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

/** Build-time settings of the production backend; none of them is a secret. */
export interface CmsEnv {
  /** gitea, forgejo, github, gitlab or git-gateway (default). */
  CMS_BACKEND?: string;
  /** owner/name of the content repository. */
  CMS_REPO?: string;
  /** Branch the site is built from (default main). */
  CMS_BRANCH?: string;
  /** Address of the Git server, e.g. https://git.example.gov.cn (Gitea/Forgejo/GitLab self-hosted). */
  CMS_BASE_URL?: string;
  /** Public OAuth application id (client id) registered on the Git server for PKCE login. */
  CMS_APP_ID?: string;
  /** Port of the local decap-server (default 8081). */
  CMS_LOCAL_PORT?: string;
}

export const BACKENDS = ['git-gateway', 'gitea', 'forgejo', 'github', 'gitlab'] as const;

/** The production backend described by the environment; throws on a setting it cannot use. */
export function backendFromEnv(env: CmsEnv): CmsField & { name: string } {
  const name = env.CMS_BACKEND?.trim() || 'git-gateway';
  if (!(BACKENDS as readonly string[]).includes(name)) {
    throw new Error(`CMS_BACKEND="${name}" is not supported; use one of ${BACKENDS.join(', ')}`);
  }
  const branch = env.CMS_BRANCH?.trim() || 'main';
  if (name === 'git-gateway') return { name, branch };
  const repo = env.CMS_REPO?.trim();
  if (!repo || !/^[\w.-]+(?:\/[\w.-]+)+$/.test(repo)) {
    throw new Error(`CMS_BACKEND=${name} needs CMS_REPO=owner/name`);
  }
  const baseUrl = env.CMS_BASE_URL?.trim().replace(/\/+$/, '');
  const appId = env.CMS_APP_ID?.trim();
  const backend: CmsField & { name: string } = { name, repo, branch };
  if (name === 'gitea' || name === 'forgejo') {
    if (!baseUrl || !appId) throw new Error(`CMS_BACKEND=${name} needs CMS_BASE_URL and CMS_APP_ID (PKCE login)`);
    Object.assign(backend, { base_url: baseUrl, api_root: `${baseUrl}/api/v1`, app_id: appId });
  } else if (name === 'gitlab') {
    if (appId) Object.assign(backend, { auth_type: 'pkce', app_id: appId });
    if (baseUrl) Object.assign(backend, { base_url: baseUrl, api_root: `${baseUrl}/api/v4` });
  } else if (name === 'github') {
    // GitHub's OAuth needs a small authorisation service at CMS_BASE_URL (it holds the secret).
    if (baseUrl) backend.base_url = baseUrl;
  }
  return backend;
}

/** The local decap-server's API address (`npm start` runs it; tests pick their own port). */
export function localBackendUrl(env: CmsEnv): string {
  const port = Number(env.CMS_LOCAL_PORT ?? 8081);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`CMS_LOCAL_PORT="${env.CMS_LOCAL_PORT}" is not a port`);
  return `http://localhost:${port}/api/v1`;
}

/** Origins /admin talks to besides its own: the local decap-server and the production Git API. */
export function cmsConnectOrigins(env: CmsEnv): string[] {
  const backend = backendFromEnv(env);
  const origins = [new URL(localBackendUrl(env)).origin];
  const api = backend.api_root ?? backend.base_url;
  if (typeof api === 'string') origins.push(new URL(api).origin);
  if (backend.name === 'github') origins.push('https://api.github.com');
  if (backend.name === 'gitlab' && !api) origins.push('https://gitlab.com');
  return origins;
}

/** Whether Decap's backend of this name supports the editorial workflow (its gitea backend does not). */
export function hasEditorialWorkflow(backend: string): boolean {
  return backend !== 'gitea';
}

/** Build-time warnings about the CMS settings: a backend without review before publishing. */
export function cmsWarnings(env: CmsEnv): string[] {
  const backend = backendFromEnv(env).name;
  return hasEditorialWorkflow(backend) ? [] : [t('cms.warn.noReview', { backend })];
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

/**
 * /admin's Content-Security-Policy: exactly what Decap needs. It evaluates code ('unsafe-eval'),
 * injects styles (emotion: 'unsafe-inline' styles), shows uploads as blob:/data: images, and
 * talks to its own origin plus the local decap-server and the production Git API.
 */
export function cmsCsp(env: CmsEnv): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self' blob: ${cmsConnectOrigins(env).join(' ')}`,
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
