import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard, HttpErrorFilter, loadConfig } from '@smedx/platform';
import type { AppConfig, Clock } from '@smedx/platform';
import { CoreModule } from '@smedx/core';
import { WorkbenchModule } from '@smedx/workbench';
import { PortalModule } from '@smedx/portal';
import { AdminController } from './admin/admin.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { NominationsController } from './awards/nominations.controller.js';
import { RatingsController } from './ratings/ratings.controller.js';
import { ServiceFeesController } from './fees/service-fees.controller.js';
import { BidsController } from './bidding/bids.controller.js';
import { NeedBidsController } from './bidding/need-bids.controller.js';
import { BidInvitationsController } from './bidding/bid-invitations.controller.js';
import { ChainCasesController } from './chains/chain-cases.controller.js';
import { ChainInvitationsController } from './chains/chain-invitations.controller.js';
import { ChainLeadersController } from './chains/chain-leaders.controller.js';
import { ChainsController } from './chains/chains.controller.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { SolutionsController } from './catalogue/solutions.controller.js';
import { NeedsController } from './demand/needs.controller.js';
import { DiagnosesController } from './diagnosis/diagnoses.controller.js';
import {
  DocumentsController,
  NominationDocumentsController,
  ProjectDocumentsController,
  ProviderDocumentsController,
  SubsidyDocumentsController,
} from './documents/documents.controller.js';
import { FilesController } from './documents/files.controller.js';
import { ConsentsController } from './directory/consents.controller.js';
import { EnterprisesController } from './directory/enterprises.controller.js';
import { PilotPoolController } from './directory/pilot-pool.controller.js';
import { ProvidersController } from './directory/providers.controller.js';
import { TaxonomiesController } from './directory/taxonomies.controller.js';
import { EventsController } from './events/events.controller.js';
import { ExchangeController } from './exchange/exchange.controller.js';
import { HealthController } from './health/health.controller.js';
import { Lifecycle } from './health/lifecycle.service.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsService } from './metrics/metrics.service.js';
import { IndicatorsController } from './indicators/indicators.controller.js';
import { IndustryMapController } from './indicators/industry-map.controller.js';
import { SearchController } from './search/search.controller.js';
import { MatchesController } from './matching/matches.controller.js';
import { AuthController } from './identity/auth.controller.js';
import { OrganisationsController } from './identity/organisations.controller.js';
import { ProjectsController } from './projects/projects.controller.js';
import { ProviderCasesController } from './projects/provider-cases.controller.js';
import { BlacklistController } from './subsidy/blacklist.controller.js';
import { SubsidyApplicationsController } from './subsidy/subsidy-applications.controller.js';
import { WorkbenchController } from './workbench/workbench.controller.js';
import { PortalController } from './portal/portal.controller.js';

export interface ApiOptions {
  config?: AppConfig;
  clock?: Clock;
}

/** The HTTP application: the core plus controllers, guard, error filter and request logging. */
@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig();
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.query.access_token'],
            // The notification stream takes its token in the query (EventSource cannot send headers); chain invitation tokens ride in the path.
            serializers: {
              req: (req: { url?: string }) => ({
                ...req,
                url: req.url?.replace(/([?&]access_token=)[^&]*/g, '$1[redacted]').replace(/(\/chain-invitations\/)[^/?]+/, '$1[redacted]'),
              }),
            },
            autoLogging: { ignore: (req) => req.url === '/metrics' || req.url?.startsWith('/health') === true },
          },
        }),
        CoreModule.forRoot({ ...options, config }),
        WorkbenchModule,
        PortalModule,
        TerminusModule,
      ],
      controllers: [
        HealthController,
        MetricsController,
        TaxonomiesController,
        AuthController,
        OrganisationsController,
        AdminController,
        AuditController,
        NotificationsController,
        EnterprisesController,
        ConsentsController,
        PilotPoolController,
        DiagnosesController,
        ProvidersController,
        SolutionsController,
        NeedsController,
        NeedBidsController,
        BidInvitationsController,
        BidsController,
        ProjectsController,
        ProviderCasesController,
        SubsidyApplicationsController,
        NominationsController,
        RatingsController,
        ServiceFeesController,
        BlacklistController,
        EventsController,
        ChainLeadersController,
        ChainsController,
        ChainInvitationsController,
        ChainCasesController,
        IndicatorsController,
        IndustryMapController,
        ExchangeController,
        SearchController,
        MatchesController,
        FilesController,
        DocumentsController,
        SubsidyDocumentsController,
        ProviderDocumentsController,
        ProjectDocumentsController,
        NominationDocumentsController,
        WorkbenchController,
        PortalController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        Lifecycle,
        MetricsService,
      ],
    };
  }
}
