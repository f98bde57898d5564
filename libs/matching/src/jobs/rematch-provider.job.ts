import { Injectable } from '@nestjs/common';
import { OnEvent } from '@smedx/platform';
import { ProviderChanged } from '@smedx/directory';
import { MatchingService } from '../matching.service.js';

export const REMATCH_PROVIDER_JOB = 'matching.rematch-provider';

export interface RematchProviderPayload {
  providerId: string;
  change: 'status' | 'profile';
}

/**
 * A provider was approved or reinstated: its published solutions may match
 * again and are re-matched (nothing happens for a provider that is not
 * approved). A profile change (name, districts) waits for the next change
 * of a need or solution: re-matching a whole catalogue for it is not worth it.
 */
@Injectable()
export class RematchProviderJob {
  constructor(private readonly matching: MatchingService) {}

  @OnEvent(ProviderChanged, REMATCH_PROVIDER_JOB)
  async handle(payload: RematchProviderPayload): Promise<void> {
    if (payload.change === 'status') await this.matching.rematchProvider(payload.providerId);
  }
}
