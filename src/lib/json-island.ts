/**
 * Serialises data for a `<script type="application/json">` island. JSON.stringify alone lets a
 * string such as "</script><script>…" close the element; escaping <, > and & (and the two line
 * separators older parsers choke on) keeps every value inside. Use with set:html.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
