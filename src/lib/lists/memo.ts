/**
 * Values derived once per cached content list (facts, threads, labels), not once per page.
 * Plain data in, plain data out.
 */
const derivedValues = new WeakMap<object, Map<string, unknown>>();

/**
 * `derive(source)`, computed once per source and key. Content lists come from one cached query
 * per build, so a value every page needs (facts for related items, thread lists, tag labels) is
 * worked out once instead of once per page, which kept large builds from growing quadratically.
 */
export function derived<S extends object, R>(source: S, key: string, derive: (source: S) => R): R {
  let values = derivedValues.get(source);
  if (!values) derivedValues.set(source, (values = new Map<string, unknown>()));
  if (!values.has(key)) values.set(key, derive(source));
  return values.get(key) as R;
}
