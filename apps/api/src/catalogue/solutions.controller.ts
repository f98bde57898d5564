import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ApiZodQuery, CurrentUser, CurrentViewer, Public, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { CreateSolutionSchema, ListSolutionsSchema, SolutionActionSchema, SolutionsService, UpdateSolutionSchema } from '@smedx/catalogue';
import type { CreateSolutionInput, ListSolutionsQuery, SolutionActionInput, UpdateSolutionInput } from '@smedx/catalogue';
import { UuidParam } from '../http/query.js';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('solutions')
export class SolutionsController {
  constructor(private readonly solutions: SolutionsService) {}

  @Post()
  @ApiOperation({ summary: "Add a draft solution to a provider's catalogue (members of the provider)" })
  @ApiZodBody(CreateSolutionSchema)
  create(@CurrentUser() actor: Principal, @Body(new ZodPipe(CreateSolutionSchema)) input: CreateSolutionInput) {
    return this.solutions.create(actor, input);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: "Published solutions; a provider's members also list its drafts and delisted ones (providerId + status)" })
  @ApiZodQuery(ListSolutionsSchema)
  list(@CurrentViewer() actor: Principal, @Query(new ZodPipe(ListSolutionsSchema)) query: ListSolutionsQuery) {
    return this.solutions.list(actor, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One solution (drafts and delisted ones only for the provider)' })
  get(@CurrentViewer() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.solutions.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft or published solution (re-indexed); price changes are audited' })
  @ApiZodBody(UpdateSolutionSchema)
  update(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(UpdateSolutionSchema)) patch: UpdateSolutionInput,
  ) {
    return this.solutions.update(actor, id, patch);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft (approved providers only)' })
  @ApiZodBody(SolutionActionSchema)
  publish(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(SolutionActionSchema)) body: SolutionActionInput,
  ) {
    return this.solutions.publish(actor, id, body.reason);
  }

  @Post(':id/delist')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a published solution out of the catalogue for good' })
  @ApiZodBody(SolutionActionSchema)
  delist(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(SolutionActionSchema)) body: SolutionActionInput,
  ) {
    return this.solutions.delist(actor, id, body.reason);
  }
}
