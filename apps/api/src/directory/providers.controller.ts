import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody, ApiZodQuery, CurrentUser, CurrentViewer, Public, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  CreateProviderSchema,
  ProviderFilterSchema,
  ProvidersService,
  SelectionDecisionSchema,
  UpdateProviderSchema,
} from '@smedx/directory';
import type { CreateProviderInput, SelectionDecisionInput, UpdateProviderInput } from '@smedx/directory';
import { PageQuery, UuidParam } from '../http/query.js';

const ProviderListQuery = PageQuery.extend(ProviderFilterSchema.shape);

@ApiTags('providers')
@ApiBearerAuth()
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Post()
  @ApiOperation({ summary: 'Apply as a digital service provider; starts pending, the caller becomes its owner' })
  @ApiZodBody(CreateProviderSchema)
  create(@CurrentUser() principal: Principal, @Body(new ZodPipe(CreateProviderSchema)) input: CreateProviderInput) {
    return this.providers.create(principal, input);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Approved providers by name; officers may list another status' })
  @ApiZodQuery(ProviderListQuery)
  list(@CurrentViewer() principal: Principal, @Query(new ZodPipe(ProviderListQuery)) q: z.infer<typeof ProviderListQuery>) {
    const { page, pageSize, ...filter } = q;
    return this.providers.list(principal, filter, page, pageSize);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A provider with its record; members and officers also see pending/rejected ones and the selection history' })
  get(@CurrentViewer() principal: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.providers.get(principal, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change the profile (the provider's members)" })
  @ApiZodBody(UpdateProviderSchema)
  update(
    @CurrentUser() principal: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(UpdateProviderSchema)) input: UpdateProviderInput,
  ) {
    return this.providers.update(principal, id, input);
  }

  @Post(':id/selection')
  @Roles('city_officer')
  @ApiOperation({
    summary:
      'Selection (遴选) decision by a city officer: approve, reject, suspend or reinstate, with a reason; 409 names the current status',
  })
  @ApiZodBody(SelectionDecisionSchema)
  decide(
    @CurrentUser() principal: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(SelectionDecisionSchema)) input: SelectionDecisionInput,
  ) {
    return this.providers.decide(principal, id, input);
  }
}
