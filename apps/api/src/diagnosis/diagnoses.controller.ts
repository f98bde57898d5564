import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody, ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { CommonNeedsQuerySchema, DiagnosesService, FileDiagnosisSchema, QUESTIONNAIRE_VIEW } from '@smedx/diagnosis';
import type { FileDiagnosisInput } from '@smedx/diagnosis';
import { PageQuery, UuidParam } from '../http/query.js';

const CommonNeedsQuery = PageQuery.extend(CommonNeedsQuerySchema.shape);

/** Diagnosis (评估诊断) against MIIT's 2024 indicators. */
@ApiTags('diagnosis')
@ApiBearerAuth()
@Controller()
export class DiagnosesController {
  constructor(private readonly diagnoses: DiagnosesService) {}

  @Post('enterprises/:id/diagnoses')
  @ApiOperation({
    summary:
      "File a questionnaire → {score, level, weakest, suggestions}: an assessor's on-site assessment sets the official level; " +
      "a member's self-check sets it only outside the pilot pool and before any assessment (otherwise official: false)",
  })
  @ApiZodBody(FileDiagnosisSchema)
  file(
    @CurrentUser() principal: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(FileDiagnosisSchema)) input: FileDiagnosisInput,
  ) {
    return this.diagnoses.file(principal, id, input);
  }

  @Get('enterprises/:id/diagnoses')
  @ApiOperation({
    summary: "The enterprise's diagnoses, newest first (members, officers in scope, assessors, holders of its diagnosis consent)",
  })
  @ApiZodQuery(PageQuery)
  list(
    @CurrentUser() principal: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(PageQuery)) q: z.infer<typeof PageQuery>,
  ) {
    return this.diagnoses.list(principal, id, q.page, q.pageSize);
  }

  @Get('diagnoses/questionnaire')
  @ApiOperation({ summary: 'The MIIT 2024 questionnaire with question and option keys, the 16 business scenes and the level bands' })
  questionnaire() {
    return QUESTIONNAIRE_VIEW;
  }

  @Get('diagnoses/common-needs')
  @Roles('city_officer', 'district_officer', 'assessor', 'admin')
  @ApiOperation({
    summary:
      "An industry's common needs (共性需求: weaknesses shared by its diagnosed enterprises, with counts) and each enterprise's individual needs (个性需求)",
  })
  @ApiZodQuery(CommonNeedsQuery)
  commonNeeds(@CurrentUser() principal: Principal, @Query(new ZodPipe(CommonNeedsQuery)) q: z.infer<typeof CommonNeedsQuery>) {
    const { page, pageSize, ...query } = q;
    return this.diagnoses.commonNeeds(principal, query, page, pageSize);
  }
}
