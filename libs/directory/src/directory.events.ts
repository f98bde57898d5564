import { defineEvent } from '@smedx/platform';

export type EnterpriseChange = 'level' | 'profile';

export interface EnterpriseChangedPayload {
  enterpriseId: string;
  change: EnterpriseChange;
}

/**
 * Published when an enterprise's digital level (diagnosis, acceptance) or its profile changes:
 * its needs' search documents carry both, so they are re-indexed, and a new level re-ranks
 * their matches.
 */
export const EnterpriseChanged = defineEvent<EnterpriseChangedPayload>('directory.enterprise-changed');

export type ProviderChange = 'status' | 'profile';

export interface ProviderChangedPayload {
  providerId: string;
  change: ProviderChange;
}

/**
 * Published when a provider's selection status or public profile changes:
 * its solutions are shown (approved) or hidden (otherwise) and re-indexed.
 */
export const ProviderChanged = defineEvent<ProviderChangedPayload>('directory.provider-changed');
