import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodQuery, CurrentUser, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { MatchesQuerySchema, MatchingService } from '@smedx/matching';
import type { MatchesQuery } from '@smedx/matching';
import { UuidParam } from '../http/query.js';

/** Matches of a need (→ solutions) and of a solution (→ needs), best first, each explained. */
@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchesController {
  constructor(private readonly matching: MatchingService) {}

  @Get('needs/:id/matches')
  @ApiOperation({
    summary:
      'The best solutions for a published need: {items: [{id, title, providerName, score, breakdown, reasons}]}. ' +
      "The enterprise and officers see all; a provider sees its own solutions' standing. Not published: no items.",
  })
  @ApiZodQuery(MatchesQuerySchema)
  needMatches(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(MatchesQuerySchema)) query: MatchesQuery,
  ) {
    return this.matching.needMatches(actor, id, query.limit);
  }

  @Get('solutions/:id/matches')
  @ApiOperation({
    summary:
      'The best published needs for a published solution: {items: [{id, title, enterpriseName, score, breakdown, reasons}]} ' +
      "(the solution's provider and officers)",
  })
  @ApiZodQuery(MatchesQuerySchema)
  solutionMatches(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(MatchesQuerySchema)) query: MatchesQuery,
  ) {
    return this.matching.solutionMatches(actor, id, query.limit);
  }
}
