import { Module } from '@nestjs/common';
import { DirectoryModule } from '@smedx/directory';
import { CatalogueModule } from '@smedx/catalogue';
import { DemandModule } from '@smedx/demand';
import { ChainsModule } from '@smedx/chains';
import { EventsModule } from '@smedx/events';
import { DemoSeeder } from './seed/demo-seeder.js';

@Module({
  imports: [DirectoryModule, CatalogueModule, DemandModule, ChainsModule, EventsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
