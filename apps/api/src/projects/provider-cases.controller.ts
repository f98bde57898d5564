import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodQuery, CurrentViewer, Public, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { PageSchema, ProjectsService } from '@smedx/projects';
import type { PageInput } from '@smedx/projects';
import { UuidParam } from '../http/query.js';

/** A provider's cases (成果推广): its projects that passed acceptance, on its public page. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('providers')
export class ProviderCasesController {
  constructor(private readonly projects: ProjectsService) {}

  @Get(':id/cases')
  @Public()
  @ApiOperation({ summary: "The provider's passed-acceptance cases, newest first (whoever may see the provider)" })
  @ApiZodQuery(PageSchema)
  cases(
    @CurrentViewer() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(PageSchema)) page: PageInput,
  ) {
    return this.projects.casesOfProvider(actor, id, page);
  }
}
