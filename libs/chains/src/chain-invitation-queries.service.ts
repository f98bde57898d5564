import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, ForbiddenError } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { DirectoryService } from '@smedx/directory';
import { shownInvitationStatus } from '@smedx/contracts';
import type { InvitationPreview } from '@smedx/contracts';
import { invitationView } from './chain.views.js';
import type { InvitationView, Page } from './chain.views.js';
import { findInvitationByToken } from './chain-invitation-token.js';
import { ChainsService } from './chains.service.js';
import type { ListInvitationsQuery } from './dto/chains.dto.js';
import { ChainInvitation } from './entities/chain-invitation.entity.js';

/**
 * The read side of chain invitations: a chain's invitations for its leader's members and
 * officers, and what a token is for, for its holder. Issuing and answering invitations go
 * through {@link ChainInvitationsService}.
 */
@Injectable()
export class ChainInvitationQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chains: ChainsService,
    private readonly directory: DirectoryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The chain's invitations, newest first (the leader's members and officers); never a token. */
  async list(actor: Principal, chainId: string, query: ListInvitationsQuery): Promise<Page<InvitationView>> {
    const access = await this.chains.access(actor, chainId);
    if (!access.leader && !access.officer) {
      throw new ForbiddenError("only the leader's members and officers list the chain's invitations", 'not_chain_leader_member');
    }
    const now = this.clock.now();
    const qb = this.dataSource.getRepository(ChainInvitation).createQueryBuilder('i').where('i.chainId = :chainId', { chainId });
    if (query.status === 'expired') qb.andWhere("i.status = 'pending' AND i.expiresAt <= :now", { now });
    else if (query.status === 'pending') qb.andWhere("i.status = 'pending' AND i.expiresAt > :now", { now });
    else if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('i.invitedAt', 'DESC')
      .addOrderBy('i.sourceRow', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((r) => invitationView(r, shownInvitationStatus(r, now))), total, page: query.page, pageSize: query.pageSize };
  }

  /** The invitation behind a token, for its holder (the link is the secret: no sign-in needed); 404 for an unknown token. */
  async preview(token: string): Promise<InvitationPreview> {
    const { invitation, chain } = await findInvitationByToken(this.dataSource.manager, token);
    const leader = await this.directory.getEnterprise(chain.leaderEnterpriseId);
    return {
      chainName: chain.name,
      chainDescription: chain.description,
      leaderName: leader.name,
      position: invitation.position,
      enterpriseName: invitation.enterpriseName,
      invitedBy: invitation.uscc ? 'uscc' : 'email',
      status: shownInvitationStatus(invitation, this.clock.now()),
      expiresAt: invitation.expiresAt,
    };
  }
}
