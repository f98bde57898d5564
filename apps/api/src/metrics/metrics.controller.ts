import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, Public, UnauthenticatedError } from '@smedx/platform';
import type { AppConfig } from '@smedx/platform';
import { MetricsService } from './metrics.service.js';

/** Prometheus scrape endpoint, `GET /metrics`; with METRICS_TOKEN set it wants `Authorization: Bearer <METRICS_TOKEN>`. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const token = this.config.http.metricsToken;
    if (token && authorization !== `Bearer ${token}`) throw new UnauthenticatedError('需要监控令牌 (metrics token required)');
    const body = await this.metrics.registry.metrics();
    await reply.header('content-type', this.metrics.registry.contentType).header('cache-control', 'no-store').send(body);
  }
}
