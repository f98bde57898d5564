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

  // Only publishing and editing can bring new matches: a draft has none yet, a cancelled or awarded need none any more.
  @OnEvent(NeedChanged, REMATCH_NEED_JOB, {
    when: (p) => p.change === 'published' || p.change === 'updated',
    collapse: (p) => p.needId,
    prompt: true,
  })
  async handle(payload: NeedChangedPayload): Promise<void> {
    // The need is read again and matched only while published, whatever change the payload names.
    await this.matching.rematchNeed(payload.needId);
  }
}
