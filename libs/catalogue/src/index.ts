export * from './catalogue.events.js';
export * from './dto/solution.dto.js';
export * from './solution.entity.js';
export * from './solutions.service.js';
export * from './catalogue.module.js';

import { Solution } from './solution.entity.js';
export const CATALOGUE_ENTITIES = [Solution];
