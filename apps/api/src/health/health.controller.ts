import { Controller, Get, HttpCode, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { APP_CONFIG, JOB_BUS, Public, SEARCH_ENGINE } from '@smedx/platform';
import type { AppConfig, JobBus, SearchEngine } from '@smedx/platform';
import { ChangeFollower, SOLUTIONS_INDEX } from '@smedx/search';
import { Lifecycle } from './lifecycle.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly follower: ChangeFollower,
    private readonly lifecycle: Lifecycle,
    @Inject(JOB_BUS) private readonly bus: JobBus,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Database must answer. Redis, when configured, is reported but only
   * degrades health: writes keep landing in the outbox while it is away.
   */
  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Database (and Redis) health, as before: kept for existing probes' })
  check() {
    return this.health.check([this.database, ...(this.bus.kind === 'bullmq' ? [this.redis] : [])]);
  }

  /** Liveness: the process answers; restart it only when this fails. */
  @Get('live')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked)' })
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: send traffic here only when the database answers, the search index is built
   * (the embedded index is rebuilt at start-up; Meilisearch must answer) and the api is not
   * shutting down. Redis is reported, not required.
   */
  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: database up, search index built, not draining (503 otherwise)' })
  ready() {
    const lifecycle = async () => {
      const indicator = this.indicators.check('lifecycle');
      return this.lifecycle.draining ? indicator.down({ message: 'shutting down' }) : indicator.up();
    };
    const search = async () => {
      const indicator = this.indicators.check('search');
      if (this.config.meili) {
        try {
          return indicator.up({ engine: 'meilisearch', solutions: await this.engine.count(SOLUTIONS_INDEX) });
        } catch (err) {
          return indicator.down({ engine: 'meilisearch', message: String(err) });
        }
      }
      const built = this.follower.buildSeconds;
      return built === null
        ? indicator.down({ engine: 'embedded', message: 'index building' })
        : indicator.up({ engine: 'embedded', buildSeconds: built });
    };
    return this.health.check([lifecycle, this.database, search, ...(this.bus.kind === 'bullmq' ? [this.redis] : [])]);
  }

  private readonly database = () => this.db.pingCheck('database', { timeout: 3000 });

  private readonly redis = async () => {
    const indicator = this.indicators.check('redis');
    return (await this.bus.ping()) ? indicator.up() : indicator.degraded({ message: 'unreachable; jobs wait in the outbox' });
  };
}
