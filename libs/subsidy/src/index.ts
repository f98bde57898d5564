export * from './subsidy-rules.js';
export * from './dto/subsidy.dto.js';
export * from './entities/subsidy-application.entity.js';
export * from './entities/blacklist-entry.entity.js';
export * from './subsidy.policy.js';
export * from './subsidy.views.js';
export * from './subsidy-documents.js';
export * from './blacklist.service.js';
export * from './subsidy-applications.service.js';
export * from './subsidy-application-queries.service.js';
export * from './subsidy-change-requests.service.js';
export * from './subsidy.module.js';

import { BlacklistEntry } from './entities/blacklist-entry.entity.js';
import { SubsidyApplication } from './entities/subsidy-application.entity.js';
export const SUBSIDY_ENTITIES = [SubsidyApplication, BlacklistEntry];
