import { Controller, Get } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@smedx/platform';
import { PortalService } from '@smedx/portal';
import { EXPENSIVE_RATE_LIMIT } from '../http/rate-limit.js';

/** The public portal (门户): what a visitor sees before signing in. */
@ApiTags('portal')
@Controller('portal')
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  @Get()
  @Public()
  // Three searches and six counts per call, open to anyone: limited per address like search.
  @RouteConfig(EXPENSIVE_RATE_LIMIT)
  @ApiOperation({
    summary:
      'The public home in one call, without a token: headline figures, featured and newest solutions, newest open needs, coming events, solution counts per scenario and industry',
  })
  overview() {
    return this.portal.overview();
  }
}
