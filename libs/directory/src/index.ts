export * from './entities/enterprise.entity.js';
export * from './entities/provider.entity.js';
export * from './entities/provider-selection-decision.entity.js';
export * from './entities/data-consent.entity.js';
export * from './dto/directory.dto.js';
export * from './directory.views.js';
export * from './directory.policy.js';
export * from './enterprises.service.js';
export * from './providers.service.js';
export * from './consents.service.js';
export * from './directory.service.js';
export * from './directory.module.js';

import { DataConsent } from './entities/data-consent.entity.js';
import { Enterprise } from './entities/enterprise.entity.js';
import { ProviderSelectionDecision } from './entities/provider-selection-decision.entity.js';
import { Provider } from './entities/provider.entity.js';
export const DIRECTORY_ENTITIES = [Enterprise, Provider, ProviderSelectionDecision, DataConsent];
export * from './directory.events.js';
