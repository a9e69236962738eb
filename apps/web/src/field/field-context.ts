import { createContext, useContext } from 'react';
import type { User } from '../api';

export type FetchState = 'idle' | 'fetching' | 'done' | 'failed';

export interface FieldContextValue {
  user: User;
  /** Bumped whenever the day's data in IndexedDB changed. */
  dataVersion: number;
  fetchState: FetchState;
  /** Fetches the day again (online). */
  refresh: () => void;
}

export const FieldContext = createContext<FieldContextValue | null>(null);

export function useField(): FieldContextValue {
  const value = useContext(FieldContext);
  if (!value) throw new Error('useField() outside the field app');
  return value;
}
