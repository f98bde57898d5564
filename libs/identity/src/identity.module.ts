import { Global, Module } from '@nestjs/common';
import { PRINCIPAL_LOADER } from '@smedx/platform';
import { IdentityService } from './identity.service.js';

@Global()
@Module({
  providers: [IdentityService, { provide: PRINCIPAL_LOADER, useExisting: IdentityService }],
  exports: [IdentityService, PRINCIPAL_LOADER],
})
export class IdentityModule {}
