import { Global, Module } from '@nestjs/common';
import { PRINCIPAL_LOADER } from '@smedx/platform';
import { IdentityService } from './identity.service.js';
import { SmsSignInService } from './sms-sign-in.service.js';

@Global()
@Module({
  providers: [IdentityService, SmsSignInService, { provide: PRINCIPAL_LOADER, useExisting: IdentityService }],
  exports: [IdentityService, SmsSignInService, PRINCIPAL_LOADER],
})
export class IdentityModule {}
