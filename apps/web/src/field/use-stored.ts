import { useEffect, useState } from 'react';

/** A value read from IndexedDB, read again whenever one of `deps` changes. */
export function useStored<T>(read: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    read().then(
      (result) => {
        if (!cancelled) setValue({ value: result });
      },
      (error: unknown) => console.warn('IndexedDB read failed', error),
    );
    return () => {
      cancelled = true;
    };
  }, deps);
  return value?.value;
}
