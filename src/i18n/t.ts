import { fill } from './fill.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

/**
 * The messages without placeholders, as they are. t() runs a few hundred times on each of tens
 * of thousands of pages; a Map lookup of a ready string costs a third of looking the message up
 * and scanning it for "{" on every call.
 */
const PLAIN = new Map<string, string>(Object.entries(zhCN).filter(([, message]) => !message.includes('{')));

/** Looks up a UI string and fills its `{placeholders}`; a missing parameter is an error. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const plain = PLAIN.get(key);
  if (plain !== undefined) return plain;
  return fill(zhCN[key], params, (name) => {
    throw new Error(`i18n: "${key}" needs the parameter "${name}"`);
  });
}
