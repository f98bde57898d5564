import { defineEvent } from '@smedx/platform';

/**
 * Published when a provider's selection status or public profile changes:
 * its solutions are shown (approved) or hidden (otherwise) and re-indexed.
 */
export const ProviderChanged = defineEvent<{ providerId: string; change: 'status' | 'profile' }>('directory.provider-changed');
