import { Module } from '@nestjs/common';
import { DirectoryModule } from '@smedx/directory';
import { MatchingModule } from '@smedx/matching';
import { WorkbenchService } from './workbench.service.js';

/** The signed-in home (工作台): a read model over the other contexts' tables, for the api only. */
@Module({
  imports: [DirectoryModule, MatchingModule],
  providers: [WorkbenchService],
  exports: [WorkbenchService],
})
export class WorkbenchModule {}
