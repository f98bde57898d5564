import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { IndustryMapEnterprisesQuerySchema, IndustryMapQuerySchema, IndustryMapService, XLSX_CONTENT_TYPE } from '@smedx/indicators';
import type { IndustryMapEnterprisesQuery, IndustryMapQuery } from '@smedx/indicators';

/** The industry map (产业云图): enterprises by district × industry, by digital level and pilot batch. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators/industry-map')
export class IndustryMapController {
  constructor(private readonly industryMap: IndustryMapService) {}

  @Get()
  @Roles('city_officer', 'district_officer', 'admin')
  @ApiOperation({
    summary:
      'Enterprises of the "3+N" industries per district × industry cell, per district and per industry: counts by official ' +
      'digital level (and none), mean level, counts by pilot batch (and none); filters batch and level ' +
      '(city officers and admins: the city or a district; district officers: their own district, 403 for another)',
  })
  @ApiZodQuery(IndustryMapQuerySchema)
  map(@CurrentUser() principal: Principal, @Query(new ZodPipe(IndustryMapQuerySchema)) query: IndustryMapQuery) {
    return this.industryMap.map(principal, query);
  }

  @Get('enterprises')
  @Roles('city_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'The enterprises of a cell (district and/or industry, same filters and scope), by name, paged' })
  @ApiZodQuery(IndustryMapEnterprisesQuerySchema)
  enterprises(
    @CurrentUser() principal: Principal,
    @Query(new ZodPipe(IndustryMapEnterprisesQuerySchema)) query: IndustryMapEnterprisesQuery,
  ) {
    return this.industryMap.cellEnterprises(principal, query);
  }

  @Get('export.xlsx')
  @Roles('city_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'The same map as an XLSX workbook (Chinese headers): the cells, district totals, industry totals' })
  @ApiZodQuery(IndustryMapQuerySchema)
  @ApiProduces(XLSX_CONTENT_TYPE)
  async export(
    @CurrentUser() principal: Principal,
    @Query(new ZodPipe(IndustryMapQuerySchema)) query: IndustryMapQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { filename, buffer } = await this.industryMap.export(principal, query);
    reply.header('content-type', XLSX_CONTENT_TYPE);
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return buffer;
  }
}
