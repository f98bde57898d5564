import { Module } from '@nestjs/common';
import { DemandModule } from '@smedx/demand';
import { AcceptanceService } from './acceptance.service.js';
import { ContractService } from './contract/contract.service.js';
import { OverdueMilestones } from './overdue-milestones.job.js';
import { ProjectDocumentOwner } from './project-documents.js';
import { ProjectTrackingService } from './project-tracking.service.js';
import { ProjectsService } from './projects.service.js';

/** Transformation projects (改造项目): contract, milestones, service log, monitoring, acceptance, cases. */
@Module({
  imports: [DemandModule],
  providers: [ProjectsService, ProjectTrackingService, AcceptanceService, ContractService, OverdueMilestones, ProjectDocumentOwner],
  exports: [ProjectsService, ProjectTrackingService, AcceptanceService, ContractService],
})
export class ProjectsModule {}
