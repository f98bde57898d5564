import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ApiZodQuery, CurrentUser, CurrentViewer, Public, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { CreateNeedSchema, ListNeedsSchema, NeedActionSchema, NeedQueriesService, NeedsService, UpdateNeedSchema } from '@smedx/demand';
import type { CreateNeedInput, ListNeedsQuery, NeedActionInput, UpdateNeedInput } from '@smedx/demand';
import { UuidParam } from '../http/query.js';

@ApiTags('demand')
@ApiBearerAuth()
@Controller('needs')
export class NeedsController {
  constructor(
    private readonly needs: NeedsService,
    private readonly queries: NeedQueriesService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a draft need of an enterprise (members of the enterprise)' })
  @ApiZodBody(CreateNeedSchema)
  create(@CurrentUser() actor: Principal, @Body(new ZodPipe(CreateNeedSchema)) input: CreateNeedInput) {
    return this.needs.create(actor, input);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: "Published needs; an enterprise's members also list its other needs (enterpriseId + status)" })
  @ApiZodQuery(ListNeedsSchema)
  list(@CurrentViewer() actor: Principal, @Query(new ZodPipe(ListNeedsSchema)) query: ListNeedsQuery) {
    return this.queries.list(actor, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One need (drafts only for the enterprise and officers; privateDetails only with consent)' })
  get(@CurrentViewer() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.queries.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft or published need; budget changes are audited' })
  @ApiZodBody(UpdateNeedSchema)
  update(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(UpdateNeedSchema)) patch: UpdateNeedInput,
  ) {
    return this.needs.update(actor, id, patch);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open a draft need for bids (the bid deadline must lie ahead)' })
  @ApiZodBody(NeedActionSchema)
  publish(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(NeedActionSchema)) body: NeedActionInput,
  ) {
    return this.needs.publish(actor, id, body.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a draft or published need' })
  @ApiZodBody(NeedActionSchema)
  cancel(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(NeedActionSchema)) body: NeedActionInput,
  ) {
    return this.needs.cancel(actor, id, body.reason);
  }
}
