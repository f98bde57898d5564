import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '@smedx/platform';
import { ChainInvitation } from './entities/chain-invitation.entity.js';
import { Chain } from './entities/chain.entity.js';

/** SHA-256 of a token, hex: what the database keeps. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The invitation behind a token and its chain; 404 for an unknown token. */
export async function findInvitationByToken(tx: EntityManager, token: string): Promise<{ invitation: ChainInvitation; chain: Chain }> {
  const invitation = await tx.findOneBy(ChainInvitation, { tokenHash: hashInvitationToken(token) });
  if (!invitation) throw new NotFoundError('chain_invitation');
  const chain = await tx.findOneByOrFail(Chain, { id: invitation.chainId });
  return { invitation, chain };
}
