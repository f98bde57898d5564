import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { IndicatorsQuerySchema, IndicatorsService, XLSX_CONTENT_TYPE } from '@smedx/indicators';
import type { IndicatorsQuery } from '@smedx/indicators';

/** Programme indicators (指标体系): figures against the plan's targets, and their spreadsheet. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @Roles('city_officer', 'district_officer', 'admin')
  @ApiOperation({
    summary:
      "Figures against the plan's targets, by industry, district and pilot batch, and a monthly or quarterly series over from..to " +
      '(city officers and admins: the city; district officers: their own district, 403 for another)',
  })
  @ApiZodQuery(IndicatorsQuerySchema)
  figures(@CurrentUser() principal: Principal, @Query(new ZodPipe(IndicatorsQuerySchema)) query: IndicatorsQuery) {
    return this.indicators.figures(principal, query);
  }

  @Get('export.xlsx')
  @Roles('city_officer', 'district_officer', 'admin')
  @ApiOperation({
    summary: 'The same figures as an XLSX workbook: figures against targets, one sheet per breakdown, one with the series',
  })
  @ApiZodQuery(IndicatorsQuerySchema)
  @ApiProduces(XLSX_CONTENT_TYPE)
  async export(
    @CurrentUser() principal: Principal,
    @Query(new ZodPipe(IndicatorsQuerySchema)) query: IndicatorsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { filename, buffer } = await this.indicators.export(principal, query);
    reply.header('content-type', XLSX_CONTENT_TYPE);
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return buffer;
  }
}
