import { useCallback, useEffect, useState } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  retry: () => void;
}

/**
 * Loads `load()` whenever `key` changes (null: load nothing). A newer key aborts the older request,
 * so a slow answer never overwrites a newer one.
 */
export const useApi = <T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiState<T> => {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: Error }>({ key: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const ctl = new AbortController();
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ key, data }),
      (error: unknown) => {
        if (ctl.signal.aborted) return;
        setState({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => ctl.abort();
    // `load` is a fresh closure each render; `key` says when it asks for something else.
  }, [key, attempt]);
  const retry = useCallback(() => {
    setState({ key: null });
    setAttempt((a) => a + 1);
  }, []);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || (state.data === undefined && state.error === undefined)),
    retry,
  };
};
