/**
 * Threads of the exchange board: replies (and replies to replies) under their original post.
 * Plain data in, plain data out.
 */
/** A post of the exchange board, as far as threading is concerned. */
export interface PostFacts {
  id: string;
  date: Date;
  replyTo?: string;
}

/** An original post and all replies under it (replies to replies included), oldest reply first. */
export interface Thread<T> {
  root: T;
  replies: T[];
  /** Time of the latest post in the thread. */
  lastActivity: Date;
}

/**
 * The id of the original post a post belongs to. A reply to a missing post counts as an
 * original; in a reply loop (an editing mistake) the loop's smallest id is the original, so
 * every post of the loop lands in the same thread.
 */
export function rootId<T extends PostFacts>(byId: ReadonlyMap<string, T>, id: string): string {
  const path: string[] = [];
  let current = id;
  for (;;) {
    path.push(current);
    const parent = byId.get(current)?.replyTo;
    if (parent === undefined || !byId.has(parent)) return current;
    const loopStart = path.indexOf(parent);
    if (loopStart >= 0) return path.slice(loopStart).sort()[0] as string;
    current = parent;
  }
}

/**
 * The thread of each post, by post id: its root's and its replies'. A post page looks its thread
 * up here; searching the threads on every page cost 6,000 × 6,000 steps at 60,000 entries.
 * The first thread holding a post wins, as a search in thread order would find.
 */
export function threadIndex<T extends { id: string }>(threads: readonly Thread<T>[]): Map<string, Thread<T>> {
  const index = new Map<string, Thread<T>>();
  for (const thread of threads) {
    for (const post of [thread.root, ...thread.replies]) if (!index.has(post.id)) index.set(post.id, thread);
  }
  return index;
}

/** Threads of the board, the most recently active first. */
export function assembleThreads<T extends PostFacts>(posts: readonly T[]): Thread<T>[] {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const groups = new Map<string, T[]>();
  for (const p of posts) {
    const root = rootId(byId, p.id);
    const members = groups.get(root);
    if (members) members.push(p);
    else groups.set(root, [p]);
  }
  const byTime = (a: T, b: T) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id);
  return [...groups]
    .map(([rid, members]) => {
      const root = byId.get(rid) as T;
      const replies = members.filter((m) => m.id !== rid).sort(byTime);
      const lastActivity = new Date(Math.max(root.date.getTime(), ...replies.map((r) => r.date.getTime())));
      return { root, replies, lastActivity };
    })
    .sort((a, b) => b.lastActivity.getTime() - a.lastActivity.getTime() || a.root.id.localeCompare(b.root.id));
}
