export * from './file-names.js';
export * from './file-types.js';
export * from './sample-files.js';
export * from './document-owners.js';
export * from './dto/documents.dto.js';
export * from './entities/stored-file.entity.js';
export * from './entities/document.entity.js';
export * from './documents.views.js';
export * from './files.service.js';
export * from './documents.service.js';
export * from './document-retention.job.js';
export * from './documents.module.js';

import { Document } from './entities/document.entity.js';
import { StoredFile } from './entities/stored-file.entity.js';
export const DOCUMENTS_ENTITIES = [StoredFile, Document];
