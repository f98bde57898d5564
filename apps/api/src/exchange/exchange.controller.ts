import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { CSV_CONTENT_TYPE, ExchangeQuerySchema, ExchangeService, JSON_CONTENT_TYPE } from '@smedx/exchange';
import type { Dataset, ExchangeQuery } from '@smedx/exchange';

/**
 * The national-platform export (数据交换, format smedx-exchange/1, docs/exchange.md): each
 * dataset as JSON (default) or as a CSV download. City officers and admins only.
 */
@ApiTags('exchange')
@ApiBearerAuth()
@Controller('exchange')
export class ExchangeController {
  constructor(private readonly exchange: ExchangeService) {}

  @Get('projects')
  @Roles('city_officer', 'admin')
  @ApiOperation({ summary: 'Transformation projects awarded in from..to (award month), by district and industry; ?format=json|csv' })
  @ApiZodQuery(ExchangeQuerySchema)
  @ApiProduces(JSON_CONTENT_TYPE, CSV_CONTENT_TYPE)
  projects(
    @CurrentUser() principal: Principal,
    @Query(new ZodPipe(ExchangeQuerySchema)) query: ExchangeQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(principal, 'projects', query, reply);
  }

  @Get('cases')
  @Roles('city_officer', 'admin')
  @ApiOperation({ summary: 'Cases: accepted projects (acceptance month) and chain cases (nomination month) in from..to; ?format=json|csv' })
  @ApiZodQuery(ExchangeQuerySchema)
  @ApiProduces(JSON_CONTENT_TYPE, CSV_CONTENT_TYPE)
  cases(
    @CurrentUser() principal: Principal,
    @Query(new ZodPipe(ExchangeQuerySchema)) query: ExchangeQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(principal, 'cases', query, reply);
  }

  @Get('indicators')
  @Roles('city_officer', 'admin')
  @ApiOperation({ summary: 'Programme indicators: totals, breakdowns and the monthly series over from..to; ?format=json|csv' })
  @ApiZodQuery(ExchangeQuerySchema)
  @ApiProduces(JSON_CONTENT_TYPE, CSV_CONTENT_TYPE)
  indicators(
    @CurrentUser() principal: Principal,
    @Query(new ZodPipe(ExchangeQuerySchema)) query: ExchangeQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(principal, 'indicators', query, reply);
  }

  @Get('awards')
  @Roles('city_officer', 'admin')
  @ApiOperation({
    summary: 'Awards (示范标杆、数字化车间/智能工厂、链式典型案例、优秀产品) made in from..to (award month); ?format=json|csv',
  })
  @ApiZodQuery(ExchangeQuerySchema)
  @ApiProduces(JSON_CONTENT_TYPE, CSV_CONTENT_TYPE)
  awards(
    @CurrentUser() principal: Principal,
    @Query(new ZodPipe(ExchangeQuerySchema)) query: ExchangeQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(principal, 'awards', query, reply);
  }

  /** JSON is served inline; CSV as a download (content-disposition: attachment). */
  private async send(principal: Principal, dataset: Dataset, query: ExchangeQuery, reply: FastifyReply): Promise<string> {
    const file = await this.exchange.file(principal, dataset, query);
    reply.header('content-type', file.contentType);
    if (file.contentType === CSV_CONTENT_TYPE) reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }
}
