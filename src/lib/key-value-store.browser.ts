/**
 * The one storage interface of the browser code (progress records, 适老化 preferences): the part
 * of `localStorage` they use, so unit tests pass a Map-backed stand-in.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The browser's localStorage, or a store that refuses every call where storage is blocked. */
export function browserStore(): KeyValueStore {
  try {
    return window.localStorage;
  } catch {
    const refuse = (): never => {
      throw new Error('storage unavailable');
    };
    return { getItem: refuse, setItem: refuse, removeItem: refuse };
  }
}
