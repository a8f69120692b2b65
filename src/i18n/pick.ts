import { zhCN, type MessageKey } from './zh-CN.ts';

/**
 * The dictionary entries whose keys start with one of the prefixes, for handing to a
 * browser script as JSON (so scripts show dictionary strings without bundling the dictionary).
 */
export function pickMessages(...prefixes: string[]): Partial<Record<MessageKey, string>> {
  // Every page asks for the same few sets: each is picked once per build, not once per page.
  const key = prefixes.join('\n');
  let picked = picks.get(key);
  if (!picked) {
    picked = Object.freeze(Object.fromEntries(Object.entries(zhCN).filter(([k]) => prefixes.some((p) => k.startsWith(p)))));
    picks.set(key, picked);
  }
  return picked;
}

const picks = new Map<string, Readonly<Partial<Record<MessageKey, string>>>>();
