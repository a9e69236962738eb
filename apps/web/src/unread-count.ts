// The number of unread notifications the navigation shows: read again on every page change,
// every minute, and at once when the inbox marks something read.
import { useEffect, useState } from 'react';
import { enforcementApi } from './enforcement-api';

const listeners = new Set<() => void>();
const refreshMs = 60_000;

/** Tells the navigation that the inbox changed (a notification was marked read). */
export function inboxChanged(): void {
  listeners.forEach((listener) => listener());
}

/** The user's unread count; undefined until known (or when it cannot be read). */
export function useUnreadCount(pageKey: string): number | undefined {
  const [count, setCount] = useState<number | undefined>(undefined);
  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      const { signal } = controller;
      enforcementApi.notifications({ unread: true, limit: 1 }, signal).then(
        (page) => {
          if (!signal.aborted) setCount(page.unread);
        },
        // The count is a hint: a failed read keeps the last one (a 401 is the pages' business).
        () => undefined,
      );
    };
    load();
    listeners.add(load);
    const timer = window.setInterval(load, refreshMs);
    return () => {
      listeners.delete(load);
      window.clearInterval(timer);
      controller.abort();
    };
  }, [pageKey]);
  return count;
}
