import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, setUnauthorizedHandler, tokenStore } from './api';
import type { Membership, RoleName, Session, User } from './api';
import { clearFeedback, showError } from './components/feedback';

export interface AuthState {
  /** Null while signed out; undefined while the stored session is being checked. */
  user: User | null | undefined;
  login: (email: string, password: string) => Promise<void>;
  /** Signs in with a mobile number and the code sent to it by SMS. */
  loginWithSms: (mobile: string, code: string) => Promise<void>;
  register: (email: string, password: string, displayName: string, mobile?: string) => Promise<void>;
  logout: () => void;
  /** Reloads `GET /auth/me` (after creating an organisation, for instance). */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [user, setUser] = useState<User | null | undefined>(tokenStore.get() ? undefined : null);

  const refresh = useCallback(async () => {
    const token = tokenStore.get();
    if (!token) {
      setUser(null);
      return;
    }
    // An answer that comes after a sign-out or a switch of account is about a session no longer held: dropped.
    const current = () => tokenStore.get() === token;
    try {
      const me = await api.get('/auth/me');
      if (current()) setUser(me);
    } catch (e) {
      if (!current()) return;
      setUser(null);
      showError(e);
    }
  }, []);

  useEffect(() => {
    // Signed out: the routes guard sends the user to the login page, remembering where they were.
    setUnauthorizedHandler(() => setUser(null));
    void refresh();
  }, [refresh]);

  const value = useMemo<AuthState>(() => {
    const start = (session: Session) => {
      tokenStore.set(session.accessToken);
      clearFeedback();
      setUser(session.user);
    };
    return {
      user,
      refresh,
      login: async (email, password) => start(await api.post('/auth/login', { email, password })),
      loginWithSms: async (mobile, code) => start(await api.post('/auth/sms-login', { mobile, code })),
      register: async (email, password, displayName, mobile) =>
        start(await api.post('/auth/register', { email, password, displayName, ...(mobile ? { mobile } : {}) })),
      logout: () => {
        tokenStore.clear();
        setUser(null);
        navigate('/login', { replace: true });
      },
    };
  }, [user, refresh, navigate]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user (pages under the layout only render once it is known). */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

export function hasRole(user: User | null | undefined, ...roles: RoleName[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r.role as RoleName));
}

export function membershipsOf(user: User | null | undefined, kind: Membership['kind']): Membership[] {
  return user?.memberships.filter((m) => m.kind === kind) ?? [];
}

export function isMemberOf(user: User | null | undefined, organisationId: string): boolean {
  return !!user && user.memberships.some((m) => m.organisationId === organisationId);
}

/** Who is looking at a page open to visitors: the signed-in user, or null for a visitor (and while the session is checked). */
export function useViewer(): User | null {
  return useAuth().user ?? null;
}
