import { defineEvent } from '@smedx/platform';

/**
 * Published when a provider's selection status or public profile changes:
 * its solutions are shown (approved) or hidden (otherwise) and re-indexed.
 */
/**
 * Published when an enterprise's digital level (diagnosis, acceptance) or its profile changes:
 * its needs' search documents carry both, so they are re-indexed, and a new level re-ranks
 * their matches.
 */
export const EnterpriseChanged = defineEvent<{ enterpriseId: string; change: 'level' | 'profile' }>('directory.enterprise-changed');

export const ProviderChanged = defineEvent<{ providerId: string; change: 'status' | 'profile' }>('directory.provider-changed');
