export * from './plan-indicators.js';
export * from './periods.js';
export * from './indicator-figures.js';
export * from './indicators.policy.js';
export * from './dto/indicators.dto.js';
export * from './indicators-workbook.js';
export * from './indicators.service.js';
export * from './indicators.module.js';
