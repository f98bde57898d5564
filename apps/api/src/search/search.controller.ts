import { Controller, Get, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodQuery, Public, ZodPipe } from '@smedx/platform';
import { NeedSearchSchema, SearchService, SolutionSearchSchema } from '@smedx/search';
import type { NeedSearch, SolutionSearch } from '@smedx/search';
import { EXPENSIVE_RATE_LIMIT } from '../http/rate-limit.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('solutions')
  @Public()
  @RouteConfig(EXPENSIVE_RATE_LIMIT)
  @ApiOperation({
    summary: 'Full-text search over published 小快轻准 solutions, with filters, facet counts, sorting and highlighting',
  })
  @ApiZodQuery(SolutionSearchSchema)
  solutions(@Query(new ZodPipe(SolutionSearchSchema)) q: SolutionSearch) {
    return this.search.solutions(q);
  }

  @Get('needs')
  @Public()
  @RouteConfig(EXPENSIVE_RATE_LIMIT)
  @ApiOperation({ summary: 'Full-text search over published needs (需求大厅)' })
  @ApiZodQuery(NeedSearchSchema)
  needs(@Query(new ZodPipe(NeedSearchSchema)) q: NeedSearch) {
    return this.search.needs(q);
  }
}
