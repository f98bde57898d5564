import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody, ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  AnswerObjectionSchema,
  AwardNominationSchema,
  CreateNominationSchema,
  ListNominationsSchema,
  NominationReviewService,
  NominationsService,
  ObjectNominationSchema,
  PublishNominationSchema,
  RecommendNominationSchema,
  RejectNominationSchema,
  ScoreNominationSchema,
} from '@smedx/awards';
import type {
  AnswerObjectionInput,
  AwardNominationInput,
  CreateNominationInput,
  ListNominationsQuery,
  NominationView,
  Page,
  ObjectNominationInput,
  PublishNominationInput,
  RecommendNominationInput,
  RejectNominationInput,
  ScoreNominationInput,
} from '@smedx/awards';
import { UuidParam } from '../http/query.js';

// Parsed as an object so that a 400 names the parameter (`oid: must be a UUID`).
const ObjectionParams = z.object({ id: UuidParam, oid: UuidParam });

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  constructor(
    private readonly nominations: NominationsService,
    private readonly review: NominationReviewService,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Nominate {category: chain_case|product|benchmark|digital_workshop|smart_factory, subjectId, title, summary, evidence[], district?} (the enterprise, the provider, the chain leader)',
  })
  @ApiZodBody(CreateNominationSchema)
  create(
    @CurrentUser() actor: Principal,
    @Body(new ZodPipe(CreateNominationSchema)) input: CreateNominationInput,
  ): Promise<NominationView> {
    return this.nominations.nominate(actor, input);
  }

  @Get()
  @ApiOperation({
    summary: "Nominations: all for city officers; their district's, their own, those under review (assessors) and public ones for others",
  })
  @ApiZodQuery(ListNominationsSchema)
  list(
    @CurrentUser() actor: Principal,
    @Query(new ZodPipe(ListNominationsSchema)) query: ListNominationsQuery,
  ): Promise<Page<NominationView>> {
    return this.nominations.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A nomination with its evidence, scores (as the caller may see them), notice, objections and award' })
  get(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string): Promise<NominationView> {
    return this.nominations.get(actor, id);
  }

  @Post(':id/recommend')
  @Roles('district_officer')
  @ApiOperation({ summary: "The district's recommendation (区县推荐) {reason?}: the officer of the nominee's district" })
  @ApiZodBody(RecommendNominationSchema)
  recommend(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(RecommendNominationSchema)) input: RecommendNominationInput,
  ): Promise<NominationView> {
    return this.review.recommend(actor, id, input);
  }

  @Post(':id/review')
  @Roles('assessor')
  @ApiOperation({ summary: "An assessor's expert score (市级评审) {score: 0–100, comment?}; at least three before the notice" })
  @ApiZodBody(ScoreNominationSchema)
  score(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(ScoreNominationSchema)) input: ScoreNominationInput,
  ): Promise<NominationView> {
    return this.review.score(actor, id, input);
  }

  @Post(':id/publish')
  @Roles('city_officer')
  @ApiOperation({ summary: 'Start the 7-day public notice (公示) {reason?}: a city officer, after at least three expert scores' })
  @ApiZodBody(PublishNominationSchema)
  publish(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(PublishNominationSchema)) input: PublishNominationInput,
  ): Promise<NominationView> {
    return this.review.publish(actor, id, input);
  }

  @Post(':id/object')
  @ApiOperation({ summary: 'Raise an objection during the public notice {text}' })
  @ApiZodBody(ObjectNominationSchema)
  object(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(ObjectNominationSchema)) input: ObjectNominationInput,
  ): Promise<NominationView> {
    return this.review.object(actor, id, input);
  }

  @Post(':id/objections/:oid/answer')
  @Roles('city_officer')
  @ApiOperation({ summary: "The city's answer to an objection {answer}" })
  @ApiZodBody(AnswerObjectionSchema)
  answer(
    @CurrentUser() actor: Principal,
    @Param(new ZodPipe(ObjectionParams)) params: z.infer<typeof ObjectionParams>,
    @Body(new ZodPipe(AnswerObjectionSchema)) input: AnswerObjectionInput,
  ): Promise<NominationView> {
    return this.review.answer(actor, params.id, params.oid, input);
  }

  @Post(':id/award')
  @Roles('city_officer')
  @ApiOperation({ summary: 'Award {amountFen ≤ 50,000,000 (500,000 CNY), reason?}: after the notice, every objection answered' })
  @ApiZodBody(AwardNominationSchema)
  award(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(AwardNominationSchema)) input: AwardNominationInput,
  ): Promise<NominationView> {
    return this.review.award(actor, id, input);
  }

  @Post(':id/reject')
  @Roles('district_officer', 'city_officer')
  @ApiOperation({ summary: 'Reject {reason}: the district officer before recommending, a city officer afterwards' })
  @ApiZodBody(RejectNominationSchema)
  reject(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(RejectNominationSchema)) input: RejectNominationInput,
  ): Promise<NominationView> {
    return this.review.reject(actor, id, input);
  }
}
