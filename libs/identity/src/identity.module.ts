import { Global, Module } from '@nestjs/common';
import { PRINCIPAL_LOADER } from '@smedx/platform';
import { IdentityService } from './identity.service.js';
import { PasswordSignInService } from './password-sign-in.service.js';
import { SmsSignInService } from './sms-sign-in.service.js';
import { UserAdministrationService } from './user-administration.service.js';

@Global()
@Module({
  providers: [
    IdentityService,
    PasswordSignInService,
    SmsSignInService,
    UserAdministrationService,
    { provide: PRINCIPAL_LOADER, useExisting: IdentityService },
  ],
  exports: [IdentityService, PasswordSignInService, SmsSignInService, UserAdministrationService, PRINCIPAL_LOADER],
})
export class IdentityModule {}
