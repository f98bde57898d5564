import { Injectable } from '@nestjs/common';
import { OnEvent } from '@smedx/platform';
import { EnterpriseChanged } from '@smedx/directory';
import type { EnterpriseChangedPayload } from '@smedx/directory';
import { MatchingService } from '../matching.service.js';

export const REMATCH_ENTERPRISE_JOB = 'matching.rematch-enterprise';

/**
 * An enterprise's digital level changed (a diagnosis, an acceptance): the level fit of
 * every solution to its needs moved, so its published needs are ranked again and new
 * strong matches told. A profile change alone moves no score.
 */
@Injectable()
export class RematchEnterpriseJob {
  constructor(private readonly matching: MatchingService) {}

  @OnEvent(EnterpriseChanged, REMATCH_ENTERPRISE_JOB)
  async handle(payload: EnterpriseChangedPayload): Promise<void> {
    if (payload.change === 'level') await this.matching.rematchEnterprise(payload.enterpriseId);
  }
}
