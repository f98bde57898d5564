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

  // Only publishing and editing can bring new matches.
  @OnEvent(SolutionChanged, REMATCH_SOLUTION_JOB, {
    when: (p) => p.change === 'published' || p.change === 'updated',
    collapse: (p) => p.solutionId,
    prompt: true,
  })
  async handle(payload: SolutionChangedPayload): Promise<void> {
    // The solution is read again and matched only while published, whatever change the payload names.
    await this.matching.rematchSolution(payload.solutionId);
  }
}
