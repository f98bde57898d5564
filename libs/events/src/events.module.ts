import { Module } from '@nestjs/common';
import { CatalogueModule } from '@smedx/catalogue';
import { DemandModule } from '@smedx/demand';
import { EventCheckInService } from './event-check-in.service.js';
import { EventOutcomesService } from './event-outcomes.service.js';
import { EventPairScores } from './event-pair-scores.js';
import { EventRegistrationsService } from './event-registrations.service.js';
import { EventScheduleQueriesService } from './event-schedule-queries.service.js';
import { EventScheduleService } from './event-schedule.service.js';
import { EventsService } from './events.service.js';

/** Matchmaking events (供需对接活动): registrations, the 1:1 meeting schedule, check-in, the day's outcomes and the report. */
@Module({
  imports: [CatalogueModule, DemandModule],
  providers: [
    EventsService,
    EventRegistrationsService,
    EventScheduleService,
    EventScheduleQueriesService,
    EventOutcomesService,
    EventCheckInService,
    EventPairScores,
  ],
  exports: [
    EventsService,
    EventRegistrationsService,
    EventScheduleService,
    EventScheduleQueriesService,
    EventOutcomesService,
    EventCheckInService,
  ],
})
export class EventsModule {}
