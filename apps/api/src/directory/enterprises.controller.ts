import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody, ApiZodQuery, CurrentUser, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { CreateEnterpriseSchema, EnterpriseFilterSchema, EnterprisesService, UpdateEnterpriseSchema } from '@smedx/directory';
import type { CreateEnterpriseInput, UpdateEnterpriseInput } from '@smedx/directory';
import { PageQuery, UuidParam } from '../http/query.js';

const EnterpriseListQuery = PageQuery.extend(EnterpriseFilterSchema.shape);

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @ApiOperation({ summary: 'Register an enterprise profile; the caller becomes its owner (409 uscc_taken if the USCC is registered)' })
  @ApiZodBody(CreateEnterpriseSchema)
  create(@CurrentUser() principal: Principal, @Body(new ZodPipe(CreateEnterpriseSchema)) input: CreateEnterpriseInput) {
    return this.enterprises.create(principal, input);
  }

  @Get()
  @ApiOperation({ summary: 'List enterprises; private fields only where the caller may see them (members, officers in scope, assessors)' })
  @ApiZodQuery(EnterpriseListQuery)
  list(@CurrentUser() principal: Principal, @Query(new ZodPipe(EnterpriseListQuery)) q: z.infer<typeof EnterpriseListQuery>) {
    const { page, pageSize, ...filter } = q;
    return this.enterprises.list(principal, filter, page, pageSize);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An enterprise: public fields for everyone, all fields for members, officers in scope and assessors' })
  get(@CurrentUser() principal: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.enterprises.get(principal, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change the profile (the enterprise's members); USCC, revenue and eligibility flag changes are audited" })
  @ApiZodBody(UpdateEnterpriseSchema)
  update(
    @CurrentUser() principal: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(UpdateEnterpriseSchema)) input: UpdateEnterpriseInput,
  ) {
    return this.enterprises.update(principal, id, input);
  }
}
