import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { WorkbenchService } from '@smedx/workbench';

/** The signed-in home (工作台). */
@ApiTags('workbench')
@ApiBearerAuth()
@Controller('workbench')
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  @Get()
  @ApiOperation({ summary: 'What waits for the caller, by role and membership: only the sections that apply, with counts (one call)' })
  get(@CurrentUser() actor: Principal) {
    return this.workbench.forPrincipal(actor);
  }
}
