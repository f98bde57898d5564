export * from './demand.events.js';
export * from './dto/need.dto.js';
export * from './need.entity.js';
export * from './needs.service.js';
export * from './need-queries.service.js';
export * from './demand.module.js';

import { Need } from './need.entity.js';
export const DEMAND_ENTITIES = [Need];
