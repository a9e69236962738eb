import { createContext, useContext } from 'react';
import type { User } from './api';

export interface SessionValue {
  user: User;
  /** Called when the api answers 401 mid-session: the sign-in form comes back. */
  expired: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside the signed-in frame');
  return value;
}
