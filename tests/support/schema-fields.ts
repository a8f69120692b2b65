/**
 * The string fields of a collection, read from its JSON Schema (`z.toJSONSchema()`, zod's public
 * API). Tests generate their hostile front matter from this list, so a field added to the
 * content model is covered without anyone editing a test, and check that every string field
 * declares a maximum length.
 */

/** The part of a JSON Schema this module reads. */
export interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  allOf?: JsonSchemaNode[];
  maxLength?: number;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
}

export interface StringField {
  /** Path from the entry's root; arrays are entered at index 0. */
  path: (string | number)[];
  /** The declared maximum, if any. */
  maxLength: number | undefined;
  /** Free text: no enum, constant, pattern or format limits what it may hold. */
  free: boolean;
  /** One of a closed list (enum or constant), so bounded without a maxLength. */
  enumerated: boolean;
}

/** Every string field under `node`, depth first, in declaration order. */
export function stringFields(node: JsonSchemaNode, path: (string | number)[] = []): StringField[] {
  const out: StringField[] = [];
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.includes('string')) {
    out.push({
      path,
      maxLength: node.maxLength,
      free: node.enum === undefined && node.const === undefined && node.pattern === undefined && node.format === undefined,
      enumerated: node.enum !== undefined || node.const !== undefined,
    });
  }
  for (const [key, child] of Object.entries(node.properties ?? {})) out.push(...stringFields(child, [...path, key]));
  if (node.items) out.push(...stringFields(node.items, [...path, 0]));
  for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) out.push(...stringFields(branch, path));
  return out;
}

/** "contact.phone", "quiz[0].question" */
export function fieldName(path: readonly (string | number)[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : k))
    .join('.')
    .replace(/\.\[/g, '[');
}
