import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodQuery, Public, ZodPipe } from '@smedx/platform';
import { NeedSearchSchema, SearchService, SolutionSearchSchema } from '@smedx/search';
import type { NeedSearch, SolutionSearch } from '@smedx/search';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('solutions')
  @Public()
  @ApiOperation({
    summary: 'Full-text search over published 小快轻准 solutions, with filters, facet counts, sorting and highlighting',
  })
  @ApiZodQuery(SolutionSearchSchema)
  solutions(@Query(new ZodPipe(SolutionSearchSchema)) q: SolutionSearch) {
    return this.search.solutions(q);
  }

  @Get('needs')
  @Public()
  @ApiOperation({ summary: 'Full-text search over published needs (需求大厅)' })
  @ApiZodQuery(NeedSearchSchema)
  needs(@Query(new ZodPipe(NeedSearchSchema)) q: NeedSearch) {
    return this.search.needs(q);
  }
}
