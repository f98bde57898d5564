import { Injectable } from '@nestjs/common';
import { OnEvent } from '@smedx/platform';
import { NeedChanged } from '@smedx/demand';
import type { NeedChangedPayload } from '@smedx/demand';
import { MatchingService } from '../matching.service.js';

export const REMATCH_NEED_JOB = 'matching.rematch-need';

/** A need was published or edited: its matches are ranked again and new strong ones notified. */
@Injectable()
export class RematchNeedJob {
  constructor(private readonly matching: MatchingService) {}

  @OnEvent(NeedChanged, REMATCH_NEED_JOB)
  async handle(payload: NeedChangedPayload): Promise<void> {
    // A draft has no matches yet and a cancelled need none any more; the service re-checks the status anyway.
    if (payload.change === 'published' || payload.change === 'updated') await this.matching.rematchNeed(payload.needId);
  }
}
