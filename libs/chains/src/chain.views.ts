import type { ChainPosition, ChainCaseStatus, InvitationStatus, JointNeedConsent } from '@smedx/contracts';
import type { ChainCase } from './entities/chain-case.entity.js';
import type { ChainInvitation } from './entities/chain-invitation.entity.js';
import type { Chain } from './entities/chain.entity.js';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** How the caller stands to a chain; decides what it may see and do. */
export type ChainViewerRole = 'leader' | 'member' | 'officer' | 'invitee';

export interface ChainView {
  id: string;
  name: string;
  description: string;
  leader: { enterpriseId: string; name: string };
  memberCounts: { upstream: number; downstream: number; total: number };
  viewerRole: ChainViewerRole;
  createdAt: Date;
  updatedAt: Date;
}

export function chainView(
  chain: Chain,
  leaderName: string,
  counts: { upstream: number; downstream: number },
  viewerRole: ChainViewerRole,
): ChainView {
  return {
    id: chain.id,
    name: chain.name,
    description: chain.description,
    leader: { enterpriseId: chain.leaderEnterpriseId, name: leaderName },
    memberCounts: { ...counts, total: counts.upstream + counts.downstream },
    viewerRole,
    createdAt: chain.createdAt,
    updatedAt: chain.updatedAt,
  };
}

/** A member as every member of the chain sees it: who, where in the chain, since when. */
export interface ChainMemberView {
  enterpriseId: string;
  name: string;
  industry: string;
  district: string;
  position: ChainPosition;
  jointNeeds: JointNeedConsent;
  siteNote: string | null;
  joinedAt: Date;
}

/** An invitation as the leader and officers list it; never the token. */
export interface InvitationView {
  id: string;
  chainId: string;
  position: ChainPosition;
  uscc: string | null;
  email: string | null;
  enterpriseName: string | null;
  status: InvitationStatus | 'expired';
  expiresAt: Date;
  invitedAt: Date;
  respondedAt: Date | null;
  enterpriseId: string | null;
  sourceRow: number | null;
}

export function invitationView(invitation: ChainInvitation, status: InvitationStatus | 'expired'): InvitationView {
  return {
    id: invitation.id,
    chainId: invitation.chainId,
    position: invitation.position,
    uscc: invitation.uscc,
    email: invitation.email,
    enterpriseName: invitation.enterpriseName,
    status,
    expiresAt: invitation.expiresAt,
    invitedAt: invitation.invitedAt,
    respondedAt: invitation.respondedAt,
    enterpriseId: invitation.enterpriseId,
    sourceRow: invitation.sourceRow,
  };
}

/** What issuing an invitation answers, once: the raw token is never shown again. */
export interface IssuedInvitation extends InvitationView {
  token: string;
}

export interface ChainCaseView {
  id: string;
  chainId: string;
  chainName: string;
  leaderEnterpriseId: string;
  title: string;
  summary: string;
  projectIds: string[];
  status: ChainCaseStatus;
  nominatedBy: string;
  nominatedAt: Date;
}

export function chainCaseView(c: ChainCase, chain: Pick<Chain, 'name' | 'leaderEnterpriseId'>): ChainCaseView {
  return {
    id: c.id,
    chainId: c.chainId,
    chainName: chain.name,
    leaderEnterpriseId: chain.leaderEnterpriseId,
    title: c.title,
    summary: c.summary,
    projectIds: c.projectIds,
    status: c.status,
    nominatedBy: c.nominatedBy,
    nominatedAt: c.nominatedAt,
  };
}
