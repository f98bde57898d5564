import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody, ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { EnrolPilotSchema, EnterprisesService, PilotPoolFilterSchema } from '@smedx/directory';
import type { EnrolPilotInput } from '@smedx/directory';
import { PageQuery, UuidParam } from '../http/query.js';

const PilotPoolQuery = PageQuery.extend(PilotPoolFilterSchema.shape);

/** The dynamic pilot pool (动态试点企业库). */
@ApiTags('pilot pool')
@ApiBearerAuth()
@Controller()
export class PilotPoolController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post('enterprises/:id/pilot')
  @Roles('city_officer', 'district_officer')
  @ApiOperation({
    summary:
      "Enrol an enterprise in a pilot batch or move it to another (city officers, or the enterprise's district officer); 规上 应改尽改, 规下 愿改尽改",
  })
  @ApiZodBody(EnrolPilotSchema)
  enrol(
    @CurrentUser() principal: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(EnrolPilotSchema)) input: EnrolPilotInput,
  ) {
    return this.enterprises.enrolInPilot(principal, id, input.batch);
  }

  @Delete('enterprises/:id/pilot')
  @Roles('city_officer', 'district_officer')
  @ApiOperation({ summary: 'Take an enterprise out of the pilot pool (same officers as enrolment); 409 if it is not in it' })
  withdraw(@CurrentUser() principal: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.enterprises.withdrawFromPilot(principal, id);
  }

  @Get('pilot-pool')
  @Roles('city_officer', 'district_officer', 'assessor', 'admin')
  @ApiOperation({ summary: 'The pilot pool by batch, industry and district, with counts by batch, industry and district' })
  @ApiZodQuery(PilotPoolQuery)
  list(@Query(new ZodPipe(PilotPoolQuery)) q: z.infer<typeof PilotPoolQuery>) {
    const { page, pageSize, ...filter } = q;
    return this.enterprises.pilotPool(filter, page, pageSize);
  }
}
