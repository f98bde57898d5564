/**
 * Chains (链式转型): the API's shapes, the invitation link, and who gets the
 * 我的产业链 menu entry.
 */
import { useEffect, useState } from 'react';
import { api } from './api';
import type { Page, User } from './api';
import { hasRole, membershipsOf } from './auth';

export type ChainPosition = 'upstream' | 'downstream';
export type ChainViewerRole = 'leader' | 'member' | 'officer' | 'invitee';
export type InvitationStatus = 'pending' | 'accepted_pending_enterprise' | 'accepted' | 'declined' | 'superseded' | 'expired';
export type JointNeedConsent = 'opted_out' | 'opted_in';

export interface Chain {
  id: string;
  name: string;
  description: string;
  leader: { enterpriseId: string; name: string };
  memberCounts: { upstream: number; downstream: number; total: number };
  viewerRole: ChainViewerRole;
  createdAt: string;
  updatedAt: string;
}

export interface ChainMember {
  enterpriseId: string;
  name: string;
  industry: string;
  district: string;
  position: ChainPosition;
  jointNeeds: JointNeedConsent;
  siteNote: string | null;
  joinedAt: string;
}

type NeedCounts = Record<'published' | 'awarded' | 'closed' | 'cancelled', number>;
type ProjectCounts = Record<'active' | 'rework' | 'accepted' | 'cancelled', number>;

export interface DashboardMember {
  enterpriseId: string;
  name: string;
  industry: string;
  district: string;
  scale: string;
  position: ChainPosition;
  digitalLevel: number | null;
  atTargetLevel: boolean;
  needs: NeedCounts;
  projects: ProjectCounts;
  jointNeeds: JointNeedConsent;
  joinedAt: string;
}

export interface CohortMatch {
  solutionId: string;
  title: string;
  providerId: string;
  providerName: string;
  enterpriseCount: number;
  needCount: number;
  averageScore: number;
  bestScore: number;
  enterprises: { enterpriseId: string; name: string }[];
  needs: { needId: string; title: string; enterpriseId: string; score: number }[];
}

export interface ChainDashboard {
  chain: { id: string; name: string; leader: { enterpriseId: string; name: string; digitalLevel: number | null } };
  targetLevel: number;
  totals: {
    members: number;
    upstream: number;
    downstream: number;
    assessed: number;
    atTargetLevel: number;
    shareAtTargetLevel: number | null;
    byLevel: { level: number | null; count: number }[];
    needs: NeedCounts;
    projects: ProjectCounts;
    pendingInvitations: number;
    jointNeeds: number;
    optedInToJointNeeds: number;
    cases: number;
  };
  members: Page<DashboardMember>;
  cohortMatches: CohortMatch[];
}

export interface Invitation {
  id: string;
  chainId: string;
  position: ChainPosition;
  uscc: string | null;
  email: string | null;
  enterpriseName: string | null;
  status: InvitationStatus;
  expiresAt: string;
  invitedAt: string;
  respondedAt: string | null;
  enterpriseId: string | null;
  sourceRow: number | null;
}

/** What issuing answers, once: the raw token is never shown again. */
export interface IssuedInvitation extends Invitation {
  token: string;
}

export interface BulkInvitationResult {
  created: (IssuedInvitation & { row: number })[];
  errors: { row: number; field: string; reason: string }[];
}

export interface InvitationOutcome {
  invitationId: string;
  chainId: string;
  chainName: string;
  position: ChainPosition;
  status: InvitationStatus;
  enterpriseId: string | null;
}

export interface JointNeed {
  id: string;
  chainId: string;
  needId: string;
  title: string;
  status: string;
  budgetFen: number;
  sites: { enterpriseId: string; name: string }[];
  createdAt: string;
}

export interface ChainCase {
  id: string;
  chainId: string;
  chainName: string;
  leaderEnterpriseId: string;
  title: string;
  summary: string;
  projectIds: string[];
  status: string;
  nominatedBy: string;
  nominatedAt: string;
}

export interface ChainLeaderMark {
  enterpriseId: string;
  name: string;
  isChainLeader: boolean;
  chainId: string | null;
}

/** The programme's goal: digital level 2 or above. */
export const TARGET_LEVEL = 2;

/** Where an invitee opens an invitation in this UI. */
export const invitationLink = (token: string) => `${window.location.origin}/chain-invitations/${encodeURIComponent(token)}`;

/**
 * An invitation spent by a registration (or by someone without an enterprise yet) must be
 * accepted again once the enterprise exists: its token is kept here, for that user only,
 * until then.
 */
const PENDING_KEY = 'smedx.pendingChainInvitation';
export const pendingInvitation = {
  get: (userId: string): string | null => {
    try {
      const kept = JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null') as { token?: string; userId?: string } | null;
      return kept?.userId === userId && kept.token ? kept.token : null;
    } catch {
      return null;
    }
  },
  set: (token: string, userId: string): void => localStorage.setItem(PENDING_KEY, JSON.stringify({ token, userId })),
  clear: (): void => localStorage.removeItem(PENDING_KEY),
};

/**
 * The chains menu entry for this user: 我的产业链 when an enterprise of theirs leads or
 * belongs to a chain (or is marked 链主 and has yet to create it, or they hold an
 * invitation still to accept), 链式转型 for officers
 * (who mark chain leaders and oversee every chain); null otherwise.
 */
export function useChainMenuEntry(user: User): string | null {
  const officer = hasRole(user, 'city_officer', 'admin');
  const enterpriseIds = membershipsOf(user, 'enterprise')
    .map((m) => m.organisationId)
    .join(',');
  const [mine, setMine] = useState(false);

  useEffect(() => {
    let live = true;
    setMine(false);
    if (!enterpriseIds) return;
    const check = async () => {
      const chains = await api.get<Page<Chain>>('/chains', { pageSize: 1 });
      if (chains.total > 0) return true;
      const enterprises = await Promise.all(enterpriseIds.split(',').map((id) => api.get('/enterprises/:id', { id })));
      return enterprises.some((e) => e.isChainLeader);
    };
    // The entry is a convenience: a failure (an older API without chains) just leaves it out.
    check().then(
      (found) => live && setMine(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [user.id, enterpriseIds]);

  // Someone who registered through an invitation has no enterprise yet: the entry leads back to it.
  return mine || pendingInvitation.get(user.id) ? '我的产业链' : officer ? '链式转型' : null;
}
