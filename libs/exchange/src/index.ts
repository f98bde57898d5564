export * from './csv-writer.js';
export * from './exchange-format.js';
export * from './exchange-records.js';
export * from './dto/exchange.dto.js';
export * from './exchange.service.js';
export * from './exchange.module.js';
