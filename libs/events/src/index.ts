export * from './scheduler/index.js';
export * from './schedule-rules.js';
export * from './ics.js';
export * from './dto/events.dto.js';
export * from './entities/event.entity.js';
export * from './entities/event-registration.entity.js';
export * from './entities/event-meeting.entity.js';
export * from './events.policy.js';
export * from './events.views.js';
export * from './event-pair-scores.js';
export * from './events.service.js';
export * from './event-schedule.service.js';
export * from './event-outcomes.service.js';
export * from './events.module.js';

import { MatchmakingEvent } from './entities/event.entity.js';
import { EventMeeting } from './entities/event-meeting.entity.js';
import { EventRegistration } from './entities/event-registration.entity.js';
export const EVENTS_ENTITIES = [MatchmakingEvent, EventRegistration, EventMeeting];
