/**
 * Decap CMS fields from the content schemas: each zod schema's JSON Schema node becomes a field
 * with its label, hint, widget, options, reference and "required" flag (used by cms.ts).
 */
import { z } from 'astro/zod';
import type { CollectionName } from './enums.ts';
import { t } from '../../i18n/t.ts';
import { zhCN, type MessageKey } from '../../i18n/zh-CN.ts';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type CmsField = { [key: string]: Json };

interface Meta {
  title?: string;
  description?: string;
  cmsWidget?: string;
  cmsRef?: CollectionName;
  cmsImage?: boolean;
}

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
export function objectFields(node: SchemaNode): CmsField[] {
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
      const item =
        element.type === 'integer' || element.type === 'number'
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
