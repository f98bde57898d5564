import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { ChainsService, MarkChainLeaderSchema } from '@smedx/chains';
import type { MarkChainLeaderInput } from '@smedx/chains';
import { UuidParam } from '../http/query.js';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('enterprises')
export class ChainLeadersController {
  constructor(private readonly chains: ChainsService) {}

  @Post(':id/chain-leader')
  @HttpCode(200)
  @Roles('city_officer')
  @ApiOperation({
    summary:
      'Mark an enterprise as a chain leader (链主), or unmark it with isChainLeader: false (city officers; audited; 409 if unchanged)',
  })
  @ApiZodBody(MarkChainLeaderSchema)
  mark(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(MarkChainLeaderSchema)) input: MarkChainLeaderInput,
  ) {
    return this.chains.markLeader(actor, id, input);
  }
}
