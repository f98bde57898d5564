export * from './entities/service-fee.entity.js';
export * from './dto/service-fees.dto.js';
export * from './service-fees.views.js';
export * from './service-fees.service.js';
export * from './fees.module.js';

import { ServiceFee } from './entities/service-fee.entity.js';
export const FEES_ENTITIES = [ServiceFee];
