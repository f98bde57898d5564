import { Global, Module } from '@nestjs/common';
import { ConsentsService } from './consents.service.js';
import { DirectoryService } from './directory.service.js';
import { EnterprisesService } from './enterprises.service.js';
import { ProviderDocumentOwner } from './provider-documents.js';
import { ProvidersService } from './providers.service.js';

/** Enterprises, providers, the pilot pool and data rights; global so every context can inject {@link DirectoryService}. */
@Global()
@Module({
  providers: [EnterprisesService, ProvidersService, ConsentsService, DirectoryService, ProviderDocumentOwner],
  exports: [EnterprisesService, ProvidersService, ConsentsService, DirectoryService],
})
export class DirectoryModule {}
