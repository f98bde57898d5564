import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodQuery, Roles, ZodPipe } from '@smedx/platform';
import { ChainCasesService, ListChainCasesSchema } from '@smedx/chains';
import type { ListChainCasesQuery } from '@smedx/chains';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chain-cases')
export class ChainCasesController {
  constructor(private readonly cases: ChainCasesService) {}

  @Get()
  @Roles('city_officer', 'admin')
  @ApiOperation({ summary: 'Nominated chain cases (链式典型案例) of every chain, newest first (city officers)' })
  @ApiZodQuery(ListChainCasesSchema)
  list(@Query(new ZodPipe(ListChainCasesSchema)) query: ListChainCasesQuery) {
    return this.cases.listAll(query);
  }
}
