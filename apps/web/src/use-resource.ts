import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';
import { useSession } from './session';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data for a page and aborts when `deps` change or the page goes. With `keepPrevious`
 * the last answer stays visible while the next one loads (paging, search); otherwise it is
 * cleared so that no page shows another record's data. A 401 ends the session.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
  options: { keepPrevious?: boolean } = {},
): Resource<T> {
  const { expired } = useSession();
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keepPrevious = options.keepPrevious ?? false;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ data: keepPrevious ? previous.data : undefined, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          expired();
          return;
        }
        setState((previous) => ({
          data: keepPrevious ? previous.data : undefined,
          error,
          loading: false,
        }));
      },
    );
    return () => controller.abort();
    // The caller names what the load depends on; `load` itself is read through a ref.
  }, [...deps, attempt, expired, keepPrevious]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
