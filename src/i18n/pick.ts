import { zhCN, type MessageKey } from './zh-CN.ts';

/**
 * The dictionary entries whose keys start with one of the prefixes, for handing to a
 * browser script as JSON (so scripts show dictionary strings without bundling the dictionary).
 */
export function pickMessages(...prefixes: string[]): Partial<Record<MessageKey, string>> {
  return Object.fromEntries(Object.entries(zhCN).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}
