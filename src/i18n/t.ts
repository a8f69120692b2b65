import { zhCN, type MessageKey } from './zh-CN.ts';

/** Looks up a UI string and fills its `{placeholders}`; a missing parameter is an error. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const message = zhCN[key];
  // Most strings have no placeholder; t() runs tens of times on each of thousands of pages.
  if (!message.includes('{')) return message;
  return message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`i18n: "${key}" needs the parameter "${name}"`);
    return String(value);
  });
}
