import type { InvitationStatus } from '@smedx/contracts';
import type { ChainCase } from './entities/chain-case.entity.js';
import type { ChainInvitation } from './entities/chain-invitation.entity.js';
import type { Chain } from './entities/chain.entity.js';
import type { ChainCaseView, ChainView, ChainViewerRole, InvitationView } from '@smedx/contracts';

export type { ChainCaseView, ChainMemberView, ChainView, ChainViewerRole, InvitationView, IssuedInvitation, Page } from '@smedx/contracts';

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
