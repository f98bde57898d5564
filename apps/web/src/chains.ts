/**
 * Chains (链式转型): the API's shapes, the invitation link, and who gets the
 * 我的产业链 menu entry.
 */
import { useEffect, useState } from 'react';
import { api } from './api';
import type {
  BulkInvitationResult as BulkInvitationResultView,
  ChainCaseView,
  ChainDashboard as ChainDashboardView,
  ChainLeaderView,
  ChainMemberView,
  ChainView,
  CohortMatch as CohortMatchView,
  DashboardMember as DashboardMemberView,
  InvitationOutcome as InvitationOutcomeView,
  InvitationPreview as InvitationPreviewView,
  InvitationView,
  IssuedInvitation as IssuedInvitationView,
  JointNeedView,
  Wire,
} from '@smedx/contracts';
import type { User } from './api';
import { hasRole, membershipsOf } from './auth';

export type { ChainPosition, ChainViewerRole, InvitationStatus, JointNeedConsent } from '@smedx/contracts';

export type Chain = Wire<ChainView>;
export type ChainMember = Wire<ChainMemberView>;
export type DashboardMember = Wire<DashboardMemberView>;
export type CohortMatch = Wire<CohortMatchView>;
export type ChainDashboard = Wire<ChainDashboardView>;
export type Invitation = Wire<InvitationView>;
export type IssuedInvitation = Wire<IssuedInvitationView>;
export type BulkInvitationResult = Wire<BulkInvitationResultView>;
export type InvitationOutcome = Wire<InvitationOutcomeView>;
export type InvitationPreview = Wire<InvitationPreviewView>;
export type JointNeed = Wire<JointNeedView>;
export type ChainCase = Wire<ChainCaseView>;
export type ChainLeaderMark = Wire<ChainLeaderView>;

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
      const chains = await api.get('/chains', { pageSize: 1 });
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
