/**
 * Generates the Decap CMS configuration from the content schemas, so the CMS and the schemas
 * cannot drift: every field, label, hint, widget, enum option, reference and "required" flag
 * comes from `src/lib/schema.ts`. Only what the schemas cannot say (folders, file-name
 * patterns, list summaries) is written here.
 */
import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName } from './enums.ts';
import { COLLECTION_FILES, makeSchemas } from './schema.ts';

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
  /** Field used as the entry's title in lists. */
  identifier?: string;
  /** The collection's Markdown body and its label; undefined for YAML data. */
  body?: string;
  /** Entries are created and deleted in the CMS. */
  create?: boolean;
}

const DATED_SLUG = '{{year}}-{{month}}-{{day}}-{{hour}}{{minute}}{{second}}';

export const CMS_COLLECTIONS: Record<CollectionName, CollectionSettings> = {
  settings: { label: '站点设置', labelSingular: '站点设置' },
  streets: { label: '街道（社区）', labelSingular: '街道', identifier: 'name', create: true, slug: 'street-{{hour}}{{minute}}{{second}}' },
  stations: { label: '工作站', labelSingular: '工作站', identifier: 'contact.address', body: '工作站介绍', create: true, slug: 'station-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}' },
  news: { label: '党建动态', labelSingular: '动态', body: '正文', create: true, slug: DATED_SLUG, summary: '{{published}} · {{title}}' },
  activities: { label: '活动通知', labelSingular: '活动', body: '活动详情', create: true, slug: DATED_SLUG, summary: '{{start}} · {{title}}' },
  columns: { label: '理论专栏', labelSingular: '专栏', create: true, slug: 'column-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}' },
  theory: { label: '理论文章', labelSingular: '文章', body: '正文', create: true, slug: DATED_SLUG, summary: '{{published}} · {{title}}' },
  courses: { label: '网上党校课程', labelSingular: '课程', body: '课程介绍', create: true, slug: 'course-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}' },
  lessons: { label: '课时', labelSingular: '课时', body: '课文', create: true, slug: 'lesson-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}' },
  exams: { label: '考试题库', labelSingular: '考试', create: true, slug: 'exam-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}' },
  exchange: { label: '经验交流', labelSingular: '交流', body: '正文', create: true, slug: DATED_SLUG, summary: '{{published}} · {{title}}' },
  diary: { label: '党建日记', labelSingular: '日记', body: '正文', create: true, slug: DATED_SLUG, summary: '{{date}} · {{title}}' },
  pages: { label: '单页', labelSingular: '单页', body: '正文', create: false },
};

function metaOf(schema: z.ZodType): Meta {
  return (z.globalRegistry.get(schema) ?? {}) as Meta;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  in?: z.ZodType;
  checks?: { _zod: { def: { format?: string } } }[];
  defaultValue?: unknown;
}
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** Strips optional/default wrappers; reports whether the field may be left empty and its default. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean; defaultValue?: unknown; meta: Meta } {
  let meta = metaOf(schema);
  let current = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default') {
      required = false;
      if (def.type === 'default') defaultValue = def.defaultValue;
      current = def.innerType!;
      meta = { ...metaOf(current), ...meta };
    } else if (def.type === 'pipe' && !metaOf(current).cmsWidget) {
      current = def.in!;
      meta = { ...metaOf(current), ...meta };
    } else {
      return { inner: current, required, defaultValue, meta };
    }
  }
}

const DATE_ONLY_FIELDS = new Set(['date']);

/** Decap field for one schema field. */
export function toField(name: string, schema: z.ZodType): CmsField {
  const { inner, required, defaultValue, meta } = unwrap(schema);
  const def = defOf(inner);
  const field: CmsField = { name, label: meta.title ?? name, required };
  if (meta.description) field.hint = meta.description;
  if (defaultValue !== undefined && typeof defaultValue !== 'function') field.default = defaultValue as Json;

  if (meta.cmsRef) {
    Object.assign(field, relation(meta.cmsRef));
  } else if (meta.cmsImage) {
    field.widget = 'image';
  } else if (meta.cmsWidget === 'datetime') {
    field.widget = 'datetime';
    field.default = '{{now}}';
    if (DATE_ONLY_FIELDS.has(name)) Object.assign(field, { format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false });
    else Object.assign(field, { format: 'YYYY-MM-DD HH:mm', date_format: 'YYYY-MM-DD', time_format: 'HH:mm' });
  } else if (def.type === 'string') {
    field.widget = name === 'summary' || name === 'description' || name === 'explanation' || name === 'question' ? 'text' : 'string';
  } else if (def.type === 'number') {
    field.widget = 'number';
    field.value_type = def.checks?.some((c) => c._zod.def.format === 'safeint') ? 'int' : 'float';
  } else if (def.type === 'boolean') {
    field.widget = 'boolean';
  } else if (def.type === 'enum') {
    field.widget = 'select';
    field.options = Object.values(def.entries!);
  } else if (def.type === 'object') {
    field.widget = 'object';
    field.fields = Object.entries(def.shape!).map(([k, v]) => toField(k, v));
  } else if (def.type === 'array') {
    const element = unwrap(def.element!);
    const elementDef = defOf(element.inner);
    if (elementDef.type === 'enum') {
      Object.assign(field, { widget: 'select', multiple: true, options: Object.values(elementDef.entries!) });
    } else if (elementDef.type === 'object') {
      Object.assign(field, {
        widget: 'list',
        fields: Object.entries(elementDef.shape!).map(([k, v]) => toField(k, v)),
      });
    } else {
      Object.assign(field, { widget: 'list' });
      if (elementDef.type === 'number') field.field = { name: 'value', label: field.label as string, widget: 'number', value_type: 'int' };
    }
  } else {
    throw new Error(`cms: no widget for field "${name}" of type ${def.type}`);
  }
  return field;
}

/** A relation widget that picks an entry of another collection by its Chinese name. */
function relation(collection: CollectionName): CmsField {
  const display: Partial<Record<CollectionName, string[]>> = {
    stations: ['buildings.*.name'],
    streets: ['name'],
  };
  const fields = display[collection] ?? ['title'];
  return {
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    search_fields: fields,
    display_fields: fields,
  };
}

/** The fields of a collection, in schema order, plus the Markdown body where it has one. */
export function collectionFields(name: CollectionName): CmsField[] {
  const schema = cmsSchemas[name];
  const shape = defOf(unwrap(schema).inner).shape;
  if (!shape) throw new Error(`cms: collection ${name} is not an object schema`);
  const fields = Object.entries(shape).map(([k, v]) => toField(k, v));
  const body = CMS_COLLECTIONS[name].body;
  if (body) fields.push({ name: 'body', label: body, widget: 'markdown', required: true, hint: '正文，可用工具栏设置标题、列表和链接' });
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
  return config;
}

export interface CmsOptions {
  /** Content folder relative to the repository root. */
  contentRoot: string;
  /** Site URL, shown in the CMS. */
  siteUrl: string;
}

/** The whole Decap configuration (serialised as YAML by the /admin/config.yml route). */
export function cmsConfig({ contentRoot, siteUrl }: CmsOptions): CmsField {
  return {
    // Production: the git-gateway backend with the editorial workflow (draft → in review → ready).
    backend: { name: 'git-gateway', branch: 'main' },
    publish_mode: 'editorial_workflow',
    // Local editing through decap-server (npm start), which writes straight into content/.
    local_backend: true,
    locale: 'zh_Hans',
    site_url: siteUrl,
    display_url: siteUrl,
    media_folder: 'public/media/uploads',
    public_folder: '/media/uploads',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: COLLECTIONS.map((name) => collectionConfig(name, contentRoot)),
  };
}
