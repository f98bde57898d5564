import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, CurrentUser, ForbiddenError, ZodPipe, hasRole, isMember } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { AddMemberSchema, IdentityService } from '@smedx/identity';
import type { AddMemberInput } from '@smedx/identity';
import type { MemberView } from '@smedx/contracts';
import { UuidParam } from '../http/query.js';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly identity: IdentityService) {}

  @Get(':id/members')
  @ApiOperation({ summary: 'Members of an enterprise or provider (members and admins only)' })
  members(@CurrentUser() principal: Principal, @Param('id', new ZodPipe(UuidParam)) id: string): Promise<MemberView[]> {
    if (!isMember(principal, id) && !hasRole(principal, 'admin')) throw new ForbiddenError('not a member of this organisation');
    return this.identity.members(id);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'An owner adds a registered user as owner or member' })
  @ApiZodBody(AddMemberSchema)
  add(
    @CurrentUser() principal: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(AddMemberSchema)) input: AddMemberInput,
  ): Promise<MemberView[]> {
    return this.identity.addMember(principal, id, input);
  }
}
