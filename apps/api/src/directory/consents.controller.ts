import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody, ApiZodQuery, CurrentUser, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { ConsentsService, GrantConsentSchema } from '@smedx/directory';
import type { GrantConsentInput } from '@smedx/directory';
import { PageQuery, UuidParam } from '../http/query.js';

@ApiTags('data rights')
@ApiBearerAuth()
@Controller('enterprises/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Post()
  @ApiOperation({ summary: 'Let a provider or chain leader see the diagnosis and/or private need details (enterprise members)' })
  @ApiZodBody(GrantConsentSchema)
  grant(
    @CurrentUser() principal: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(GrantConsentSchema)) input: GrantConsentInput,
  ) {
    return this.consents.grant(principal, id, input);
  }

  @Get()
  @ApiOperation({ summary: "The enterprise's consents, active and revoked (enterprise members)" })
  @ApiZodQuery(PageQuery)
  list(
    @CurrentUser() principal: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(PageQuery)) q: z.infer<typeof PageQuery>,
  ) {
    return this.consents.list(principal, id, q.page, q.pageSize);
  }

  @Delete(':consentId')
  @ApiOperation({ summary: 'Revoke a consent (enterprise members); 409 if already revoked' })
  revoke(
    @CurrentUser() principal: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Param('consentId', new ZodPipe(UuidParam)) consentId: string,
  ) {
    return this.consents.revoke(principal, id, consentId);
  }
}
