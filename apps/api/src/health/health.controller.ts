import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { JOB_BUS, Public } from '@smedx/platform';
import type { JobBus } from '@smedx/platform';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(JOB_BUS) private readonly bus: JobBus,
  ) {}

  /**
   * Database must answer. Redis, when configured, is reported but only
   * degrades health: writes keep landing in the outbox while it is away.
   */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    const database = () => this.db.pingCheck('database', { timeout: 3000 });
    if (this.bus.kind !== 'bullmq') return this.health.check([database]);
    const redis = async () => {
      const indicator = this.indicators.check('redis');
      return (await this.bus.ping()) ? indicator.up() : indicator.degraded({ message: 'unreachable; jobs wait in the outbox' });
    };
    return this.health.check([database, redis]);
  }
}
