/**
 * Month groups of a newest-first list, by Beijing calendar month.
 * Plain data in, plain data out.
 */
import { monthKey } from '../dates.ts';

/** Groups a newest-first list by Beijing calendar month ("2026-11"), keeping the order. */
export function groupByMonth<T extends { date: Date }>(items: readonly T[]): { month: string; items: T[] }[] {
  const groups: { month: string; items: T[] }[] = [];
  for (const item of items) {
    const month = monthKey(item.date);
    const last = groups.at(-1);
    if (last && last.month === month) last.items.push(item);
    else groups.push({ month, items: [item] });
  }
  return groups;
}
