/** Fills `{name}` placeholders; unknown placeholders stay as written. No dictionary: browser scripts import it. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
