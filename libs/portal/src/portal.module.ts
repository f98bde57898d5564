import { Module } from '@nestjs/common';
import { EventsModule } from '@smedx/events';
import { SearchModule } from '@smedx/search';
import { PortalService } from './portal.service.js';

/** The public portal's home: a read model over published objects, for the api only. */
@Module({
  imports: [SearchModule, EventsModule],
  providers: [PortalService],
  exports: [PortalService],
})
export class PortalModule {}
