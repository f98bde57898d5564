import { Global, Module } from '@nestjs/common';
import { DocumentOwners } from './document-owners.js';
import { DocumentRetention } from './document-retention.job.js';
import { DocumentsService } from './documents.service.js';
import { FilesService } from './files.service.js';

/**
 * Documents and evidence: uploads into the file store, documents attached to
 * the owners other contexts register. Global so that each owning context can
 * register its owner type and check its required kinds.
 */
@Global()
@Module({
  providers: [DocumentOwners, FilesService, DocumentsService, DocumentRetention],
  exports: [DocumentOwners, FilesService, DocumentsService, DocumentRetention],
})
export class DocumentsModule {}
