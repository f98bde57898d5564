import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiZodBody, ApiZodQuery, CurrentUser, Public, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  LexiconEntrySchema,
  NeedSearchSchema,
  SearchLexiconService,
  SearchMissesService,
  SearchService,
  SolutionSearchSchema,
  SuggestQuerySchema,
  UnmetDemandQuerySchema,
} from '@smedx/search';
import type { LexiconEntryInput, NeedSearch, SolutionSearch, SuggestQuery, UnmetDemandQuery } from '@smedx/search';

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import { EXPENSIVE_RATE_LIMIT } from '../http/rate-limit.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(
    private readonly search: SearchService,
    private readonly lexicon: SearchLexiconService,
    private readonly misses: SearchMissesService,
  ) {}

  @Get('solutions')
  @Public()
  @RouteConfig(EXPENSIVE_RATE_LIMIT)
  @ApiOperation({
    summary:
      'Full-text search over published 小快轻准 solutions, with filters, facet counts, sorting and highlighting; ' +
      '`understood` says which words were searched for and which scenarios they imply',
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

  @Get('suggest')
  @Public()
  @ApiOperation({ summary: 'Completions of what is being typed: lexicon words and published solution titles' })
  @ApiZodQuery(SuggestQuerySchema)
  suggest(@Query(new ZodPipe(SuggestQuerySchema)) q: SuggestQuery) {
    return this.search.suggest(q);
  }

  @Get('unmet-demand')
  @Roles('city_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'Searches that found (next to) nothing, by week, scenario and industry: which providers to recruit' })
  @ApiZodQuery(UnmetDemandQuerySchema)
  unmetDemand(@Query(new ZodPipe(UnmetDemandQuerySchema)) q: UnmetDemandQuery) {
    return this.misses.report(q);
  }

  @Get('unmet-demand/export.xlsx')
  @Roles('city_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'The unmet-demand report as an XLSX workbook' })
  @ApiZodQuery(UnmetDemandQuerySchema)
  @ApiProduces(XLSX_CONTENT_TYPE)
  async unmetDemandExport(
    @Query(new ZodPipe(UnmetDemandQuerySchema)) q: UnmetDemandQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { filename, buffer } = await this.misses.export(q);
    reply.header('content-type', XLSX_CONTENT_TYPE);
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return buffer;
  }

  @Get('lexicon')
  @Roles('city_officer', 'admin')
  @ApiOperation({ summary: 'Lexicon entries officers added (the data file holds the rest)' })
  lexiconEntries() {
    return this.lexicon.list();
  }

  @Post('lexicon')
  @Roles('city_officer', 'admin')
  @ApiOperation({
    summary: 'Adds a lexicon entry (stop word, synonym, related words, abbreviation, word → scenario/industry); audited; in force at once',
  })
  @ApiZodBody(LexiconEntrySchema)
  addLexiconEntry(@CurrentUser() principal: Principal, @Body(new ZodPipe(LexiconEntrySchema)) body: LexiconEntryInput) {
    return this.lexicon.add(principal, body);
  }
}
