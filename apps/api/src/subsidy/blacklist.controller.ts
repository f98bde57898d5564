import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { BlacklistService, CreateBlacklistEntrySchema, LiftBlacklistEntrySchema, ListBlacklistSchema } from '@smedx/subsidy';
import type { CreateBlacklistEntryInput, LiftBlacklistEntryInput, ListBlacklistQuery } from '@smedx/subsidy';
import { UuidParam } from '../http/query.js';

@ApiTags('subsidy')
@ApiBearerAuth()
@Controller('blacklist')
export class BlacklistController {
  constructor(private readonly blacklist: BlacklistService) {}

  @Get()
  @Roles('city_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'The blacklist (黑名单): enterprises barred from programme funds; active=true for those in force now' })
  @ApiZodQuery(ListBlacklistSchema)
  list(@Query(new ZodPipe(ListBlacklistSchema)) query: ListBlacklistQuery) {
    return this.blacklist.list(query);
  }

  @Post()
  @Roles('city_officer')
  @ApiOperation({ summary: 'Blacklist an enterprise for three years from now {enterpriseId, reason}' })
  @ApiZodBody(CreateBlacklistEntrySchema)
  add(@CurrentUser() actor: Principal, @Body(new ZodPipe(CreateBlacklistEntrySchema)) input: CreateBlacklistEntryInput) {
    return this.blacklist.add(actor, input);
  }

  @Post(':id/lift')
  @Roles('city_officer')
  @ApiOperation({ summary: 'Lift an entry early {reason}' })
  @ApiZodBody(LiftBlacklistEntrySchema)
  lift(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(LiftBlacklistEntrySchema)) input: LiftBlacklistEntryInput,
  ) {
    return this.blacklist.lift(actor, id, input.reason);
  }
}
