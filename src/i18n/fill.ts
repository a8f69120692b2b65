/**
 * The one placeholder filler: `{name}` in a message becomes `params.name`. Pure and tiny, so the
 * browser's message tables (dom.ts) and the build's t() share it without bundling the dictionary.
 */

/** Fills `{name}` placeholders; a missing parameter is left as written, or handed to `missing`. */
export function fill(template: string, params: Record<string, string | number> = {}, missing?: (name: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value !== undefined) return String(value);
    return missing ? missing(name) : whole;
  });
}
