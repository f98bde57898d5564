import { Injectable } from '@nestjs/common';
import { OnEvent } from '@smedx/platform';
import { ProviderChanged } from '@smedx/directory';
import type { ProviderChangedPayload } from '@smedx/directory';
import { MatchingService } from '../matching.service.js';

export const REMATCH_PROVIDER_JOB = 'matching.rematch-provider';

/**
 * A provider was approved or reinstated, or changed its profile (its service
 * districts count in every score): its published solutions are re-matched,
 * so new strong matches are told. Nothing happens for a provider that is not
 * approved.
 */
@Injectable()
export class RematchProviderJob {
  constructor(private readonly matching: MatchingService) {}

  @OnEvent(ProviderChanged, REMATCH_PROVIDER_JOB)
  async handle(payload: ProviderChangedPayload): Promise<void> {
    await this.matching.rematchProvider(payload.providerId);
  }
}
