import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CLOCK, ConflictError, ForbiddenError, InvalidInputError, UnitOfWork } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DirectoryService } from '@smedx/directory';
import type { Enterprise } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import { CHAIN_POSITION_NAMES, INVITATION_STATE_MACHINE } from '@smedx/contracts';
import type { InvitationStatus } from '@smedx/contracts';
import { invitationView } from './chain.views.js';
import type { IssuedInvitation } from './chain.views.js';
import { findInvitationByToken, hashInvitationToken } from './chain-invitation-token.js';
import { ChainsService, enterpriseIdsOf } from './chains.service.js';
import type { AcceptInvitationInput, CreateInvitationInput } from './dto/chains.dto.js';
import { ChainInvitation } from './entities/chain-invitation.entity.js';
import { ChainMember } from './entities/chain-member.entity.js';
import { Chain } from './entities/chain.entity.js';
import { checkRoster, readRoster } from './roster/roster.js';
import type { RosterEntry } from './roster/roster.js';
import type { BulkInvitationResult, InvitationOutcome } from '@smedx/contracts';

export type { BulkInvitationResult, InvitationOutcome, InvitationPreview } from '@smedx/contracts';

const DAY_MS = 24 * 3600_000;

/** A registrant that holds an invitation: who they are. */
export interface Registrant {
  id: string;
  email: string;
}

/**
 * Invitations into a chain. The leader's members invite one enterprise at a time or a whole
 * roster from a CSV/XLSX file; each invitation carries a random 256-bit token returned once
 * (only its SHA-256 is stored), single use, expiring by the injected clock.
 *
 * Who may answer: for an invitation with a USCC, a member of the enterprise with that USCC;
 * for one by e-mail only, the user with that e-mail. A user with no enterprise yet (typically
 * one who just registered through the invitation) spends the token on
 * `accepted_pending_enterprise`; once their enterprise is on the platform (they register it,
 * or its owner adds them) they accept again and the enterprise joins.
 */
@Injectable()
export class ChainInvitationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly chains: ChainsService,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Invites one enterprise (leader's members only); answers the token once. */
  async invite(actor: Principal, chainId: string, input: CreateInvitationInput): Promise<IssuedInvitation> {
    return this.uow.run(async (tx) => {
      const { chain, leader, memberUsccs } = await this.prepareIssue(tx, actor, chainId);
      if (input.uscc && input.uscc === leader.uscc) {
        throw new InvalidInputError([{ field: 'uscc', reason: "is the chain leader's own code" }]);
      }
      if (input.uscc && memberUsccs.has(input.uscc)) {
        throw new ConflictError('already_member', 'uscc: this enterprise is already a member of the chain', { state: 'member' });
      }
      const entry: RosterEntry = {
        row: 0,
        position: input.position,
        uscc: input.uscc ?? null,
        email: input.email ?? null,
        enterpriseName: input.enterpriseName ?? null,
      };
      const [issued] = await this.issue(tx, actor, chain, [entry], input.expiresInDays, false);
      return issued!;
    });
  }

  /**
   * Invites every valid row of an uploaded roster (CSV or XLSX) in one transaction. Rows
   * with problems are reported (`{row, field, reason}`) and left out; the others are
   * invited. A file that cannot be read at all is a 400.
   */
  async inviteRoster(actor: Principal, chainId: string, file: Buffer, expiresInDays: number): Promise<BulkInvitationResult> {
    // Access first: an outsider learns nothing, not even whether the file parses.
    this.chains.assertLeader(await this.chains.access(actor, chainId), 'invite enterprises');
    const { entries, errors } = checkRoster(await readRoster(file));
    return this.uow.run(async (tx) => {
      const { chain, leader, memberUsccs } = await this.prepareIssue(tx, actor, chainId);
      const valid: RosterEntry[] = [];
      for (const entry of entries) {
        if (entry.uscc && entry.uscc === leader.uscc)
          errors.push({ row: entry.row, field: 'uscc', reason: "is the chain leader's own code" });
        else if (entry.uscc && memberUsccs.has(entry.uscc)) {
          errors.push({ row: entry.row, field: 'uscc', reason: 'this enterprise is already a member of the chain' });
        } else valid.push(entry);
      }
      const issued = await this.issue(tx, actor, chain, valid, expiresInDays, true);
      return {
        created: issued.map((inv, i) => ({ row: valid[i]!.row, ...inv })),
        errors: errors.sort((a, b) => a.row - b.row),
      };
    });
  }

  /**
   * Accepts an invitation: the invited enterprise joins the chain at the invited position.
   * A caller with no enterprise to join with spends the token on `accepted_pending_enterprise`
   * and accepts again once their enterprise exists. 409 for a used, declined or superseded
   * token, 410 for an expired one.
   */
  async accept(actor: Principal, token: string, input: AcceptInvitationInput = {}): Promise<InvitationOutcome> {
    return this.uow.run(async (tx) => {
      const { invitation, chain } = await findInvitationByToken(tx, token);
      const now = this.clock.now();
      INVITATION_STATE_MACHINE.next(invitation.status, 'accept', { expiresAt: invitation.expiresAt, now });
      const enterprise = await this.inviteeEnterprise(tx, actor, invitation, input.enterpriseId);
      if (!enterprise) {
        if (invitation.status === 'accepted_pending_enterprise') {
          throw new ConflictError(
            'enterprise_required',
            invitation.uscc
              ? `register the enterprise with USCC ${invitation.uscc} (POST /enterprises) or have its owner add you, then accept again`
              : 'register your enterprise (POST /enterprises) or have its owner add you, then accept again',
            { state: invitation.status },
          );
        }
        return this.claim(tx, invitation, chain, actor.userId, now);
      }
      if (enterprise.id === chain.leaderEnterpriseId) {
        throw new ConflictError('chain_leader', 'the chain leader is not a member of its own chain', { state: 'chain_leader' });
      }
      if (await tx.existsBy(ChainMember, { chainId: chain.id, enterpriseId: enterprise.id })) {
        throw new ConflictError('already_member', 'the enterprise is already a member of the chain', { state: 'member' });
      }
      await this.transition(tx, invitation, 'accept', now, {
        respondedBy: actor.userId,
        respondedAt: now,
        enterpriseId: enterprise.id,
      });
      await tx.insert(ChainMember, {
        id: randomUUID(),
        chainId: chain.id,
        enterpriseId: enterprise.id,
        position: invitation.position,
        invitationId: invitation.id,
        jointNeeds: 'opted_out',
        siteNote: null,
        optedInAt: null,
        joinedAt: now,
      });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'chain.member_joined',
        entityType: 'chain',
        entityId: chain.id,
        data: { enterpriseId: enterprise.id, position: invitation.position, invitationId: invitation.id },
      });
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [chain.leaderEnterpriseId] },
        kind: 'chain.invitation-accepted',
        title: `${enterprise.name}已加入产业链“${chain.name}”`,
        body: `${enterprise.name}接受邀请，作为${CHAIN_POSITION_NAMES[invitation.position]}企业加入产业链“${chain.name}”。`,
        link: `/chains/${chain.id}`,
        data: { chainId: chain.id, enterpriseId: enterprise.id, invitationId: invitation.id },
        dedupeKey: `chain.invitation-accepted:${invitation.id}`,
      });
      return outcome(invitation, chain, 'accepted', enterprise.id);
    });
  }

  /** Declines an invitation (whoever may accept it may decline it); the token is spent. */
  async decline(actor: Principal, token: string): Promise<InvitationOutcome> {
    return this.uow.run(async (tx) => {
      const { invitation, chain } = await findInvitationByToken(tx, token);
      const now = this.clock.now();
      INVITATION_STATE_MACHINE.next(invitation.status, 'decline', { expiresAt: invitation.expiresAt, now });
      const enterprise = await this.inviteeEnterprise(tx, actor, invitation, undefined);
      await this.transition(tx, invitation, 'decline', now, {
        respondedBy: actor.userId,
        respondedAt: now,
        enterpriseId: enterprise?.id ?? null,
      });
      const who = enterprise?.name ?? invitation.enterpriseName ?? invitation.email ?? invitation.uscc ?? '';
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [chain.leaderEnterpriseId] },
        kind: 'chain.invitation-declined',
        title: `${who}谢绝了产业链“${chain.name}”的邀请`,
        body: `${who}谢绝了加入产业链“${chain.name}”（${CHAIN_POSITION_NAMES[invitation.position]}）的邀请。`,
        link: `/chains/${chain.id}`,
        data: { chainId: chain.id, invitationId: invitation.id },
        dedupeKey: `chain.invitation-declined:${invitation.id}`,
      });
      return outcome(invitation, chain, 'declined', enterprise?.id ?? null);
    });
  }

  /**
   * Registration through an invitation (`POST /auth/register` with `invitationToken`), inside
   * the registration's transaction so that a bad token leaves no account behind: the token
   * is spent on `accepted_pending_enterprise` for the new user, who then registers (or is
   * added to) the enterprise and accepts again. An invitation by e-mail only must be used
   * with that e-mail address.
   */
  async claimOnRegistration(tx: EntityManager, token: string, user: Registrant): Promise<InvitationOutcome> {
    const invitation = await tx.findOneBy(ChainInvitation, { tokenHash: hashInvitationToken(token) });
    if (!invitation) throw new InvalidInputError([{ field: 'invitationToken', reason: 'is not a chain invitation token' }]);
    const now = this.clock.now();
    INVITATION_STATE_MACHINE.next(invitation.status, 'claim', { expiresAt: invitation.expiresAt, now });
    if (!invitation.uscc && invitation.email !== user.email) {
      throw new ForbiddenError(
        'the invitation was sent to another e-mail address; register with that address',
        'invitation_email_mismatch',
      );
    }
    const chain = await tx.findOneByOrFail(Chain, { id: invitation.chainId });
    return this.claim(tx, invitation, chain, user.id, now);
  }

  private async claim(tx: EntityManager, invitation: ChainInvitation, chain: Chain, userId: string, now: Date): Promise<InvitationOutcome> {
    await this.transition(tx, invitation, 'claim', now, { claimedBy: userId, claimedAt: now });
    await this.audit.record(tx, {
      actorId: userId,
      action: 'chain.invitation_claimed',
      entityType: 'chain',
      entityId: chain.id,
      data: { invitationId: invitation.id },
    });
    return outcome(invitation, chain, 'accepted_pending_enterprise', null);
  }

  /**
   * The enterprise that answers for the caller, or null when the caller has none yet;
   * 403 when the caller is not the invitee, 409 when someone else registered through it.
   */
  private async inviteeEnterprise(
    tx: EntityManager,
    actor: Principal,
    invitation: ChainInvitation,
    requested: string | undefined,
  ): Promise<Enterprise | null> {
    if (invitation.status === 'accepted_pending_enterprise' && invitation.claimedBy !== actor.userId) {
      throw new ConflictError('chain_invitation_claimed', 'another user registered through this invitation', {
        state: invitation.status,
      });
    }
    const mine = await this.directory.enterprisesByIds(enterpriseIdsOf(actor), tx);
    if (invitation.uscc) {
      const match = mine.find((e) => e.uscc === invitation.uscc);
      if (requested && requested !== match?.id) {
        throw new InvalidInputError([
          { field: 'enterpriseId', reason: 'the invitation is for the enterprise with its USCC, not this one' },
        ]);
      }
      if (match) return match;
      if (!mine.length || invitation.claimedBy === actor.userId) return null;
      throw new ForbiddenError('the invitation is for another enterprise; only its members may answer it', 'not_invitee');
    }
    if (invitation.email !== actor.email && invitation.claimedBy !== actor.userId) {
      throw new ForbiddenError('the invitation was sent to another e-mail address', 'not_invitee');
    }
    if (requested) {
      const chosen = mine.find((e) => e.id === requested);
      if (!chosen) throw new ForbiddenError('enterpriseId: you are not a member of this enterprise', 'not_enterprise_member');
      return chosen;
    }
    if (mine.length > 1) {
      throw new InvalidInputError([{ field: 'enterpriseId', reason: 'is required: you belong to several enterprises' }]);
    }
    return mine[0] ?? null;
  }

  /** Writes a status change conditional on the status read, so two answers cannot both pass. */
  private async transition(
    tx: EntityManager,
    invitation: ChainInvitation,
    action: 'claim' | 'accept' | 'decline',
    now: Date,
    changes: Partial<ChainInvitation>,
  ): Promise<void> {
    const status = INVITATION_STATE_MACHINE.next(invitation.status, action, { expiresAt: invitation.expiresAt, now });
    const result = await tx.update(ChainInvitation, { id: invitation.id, status: invitation.status }, { ...changes, status });
    if (!result.affected) {
      const current = await tx.findOneByOrFail(ChainInvitation, { id: invitation.id });
      INVITATION_STATE_MACHINE.next(current.status, action, { expiresAt: current.expiresAt, now });
      throw new ConflictError('chain_invitation_changed', 'the invitation changed meanwhile; retry');
    }
  }

  /** The chain, its leader (still marked) and its members' USCCs, for the leader's members only. */
  private async prepareIssue(tx: EntityManager, actor: Principal, chainId: string) {
    const access = await this.chains.access(actor, chainId, tx);
    this.chains.assertLeader(access, 'invite enterprises');
    const leader = await this.chains.activeLeader(tx, access.chain);
    const memberIds = (await tx.find(ChainMember, { where: { chainId }, select: { enterpriseId: true } })).map((m) => m.enterpriseId);
    const memberUsccs = new Set((await this.directory.enterprisesByIds(memberIds, tx)).map((e) => e.uscc));
    return { chain: access.chain, leader, memberUsccs };
  }

  /**
   * Writes one invitation per entry in one statement, first superseding the pending
   * invitations to the same USCC or e-mail (only the newest token of a target works).
   */
  private async issue(
    tx: EntityManager,
    actor: Principal,
    chain: Chain,
    entries: RosterEntry[],
    expiresInDays: number,
    fromFile: boolean,
  ): Promise<IssuedInvitation[]> {
    if (!entries.length) return [];
    const now = this.clock.now();
    const usccs = entries.flatMap((e) => (e.uscc ? [e.uscc] : []));
    const emails = entries.flatMap((e) => (e.email ? [e.email] : []));
    const superseded = tx
      .createQueryBuilder()
      .update(ChainInvitation)
      .set({ status: 'superseded' })
      .where('chainId = :chainId', { chainId: chain.id })
      .andWhere("status = 'pending'");
    const targets = [...(usccs.length ? ['uscc IN (:...usccs)'] : []), ...(emails.length ? ['email IN (:...emails)'] : [])];
    await superseded.andWhere(`(${targets.join(' OR ')})`, { usccs, emails }).execute();

    const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS);
    const tokens = entries.map(() => randomBytes(32).toString('base64url'));
    const rows = entries.map((e, i) =>
      tx.create(ChainInvitation, {
        id: randomUUID(),
        chainId: chain.id,
        position: e.position,
        uscc: e.uscc,
        email: e.email,
        enterpriseName: e.enterpriseName,
        tokenHash: hashInvitationToken(tokens[i]!),
        status: 'pending',
        expiresAt,
        createdBy: actor.userId,
        claimedBy: null,
        claimedAt: null,
        respondedBy: null,
        respondedAt: null,
        enterpriseId: null,
        sourceRow: fromFile ? e.row : null,
        invitedAt: now,
      }),
    );
    // Chunked: SQLite caps the parameters of one statement.
    for (let i = 0; i < rows.length; i += 200) await tx.insert(ChainInvitation, rows.slice(i, i + 200));
    await this.audit.record(tx, {
      actorId: actor.userId,
      action: 'chain.invitations_issued',
      entityType: 'chain',
      entityId: chain.id,
      data: { count: rows.length, invitationIds: rows.map((r) => r.id), fromFile },
    });
    return rows.map((r, i) => ({ ...invitationView(r, 'pending'), token: tokens[i]! }));
  }
}

function outcome(invitation: ChainInvitation, chain: Chain, status: InvitationStatus, enterpriseId: string | null): InvitationOutcome {
  return { invitationId: invitation.id, chainId: chain.id, chainName: chain.name, position: invitation.position, status, enterpriseId };
}
