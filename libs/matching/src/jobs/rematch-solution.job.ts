import { Injectable } from '@nestjs/common';
import { OnEvent } from '@smedx/platform';
import { SolutionChanged } from '@smedx/catalogue';
import type { SolutionChangedPayload } from '@smedx/catalogue';
import { MatchingService } from '../matching.service.js';

export const REMATCH_SOLUTION_JOB = 'matching.rematch-solution';

/** A solution was published or edited: the needs for which it now ranks high learn of it, and its provider of them. */
@Injectable()
export class RematchSolutionJob {
  constructor(private readonly matching: MatchingService) {}

  @OnEvent(SolutionChanged, REMATCH_SOLUTION_JOB)
  async handle(payload: SolutionChangedPayload): Promise<void> {
    if (payload.change === 'published' || payload.change === 'updated') await this.matching.rematchSolution(payload.solutionId);
  }
}
