import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ApiZodQuery, CurrentUser, Public, Roles, UnauthenticatedError, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  AppealRatingSchema,
  CreateRatingSchema,
  DecideAppealSchema,
  ListRatingsSchema,
  RatingsService,
  ReplyRatingSchema,
} from '@smedx/ratings';
import type {
  AppealRatingInput,
  CreateRatingInput,
  DecideAppealInput,
  ListRatingsQuery,
  Page,
  ProviderRatingsView,
  RatingView,
  ReplyRatingInput,
} from '@smedx/ratings';
import { UuidParam } from '../http/query.js';

@ApiTags('ratings')
@ApiBearerAuth()
@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Post('projects/:id/rating')
  @ApiOperation({
    summary: "The enterprise's rating after the acceptance {quality, timeliness, service: 1–5, text? ≤ 1000}; one per project",
  })
  @ApiZodBody(CreateRatingSchema)
  rate(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CreateRatingSchema)) input: CreateRatingInput,
  ): Promise<RatingView> {
    return this.ratings.rate(actor, id, input);
  }

  @Get('ratings')
  @Public()
  @ApiOperation({
    summary:
      "Ratings: ?providerId= a provider's counted ratings with its record (public); signed in: a project's (?projectId=), its organisations', its district's (officers)",
  })
  @ApiZodQuery(ListRatingsSchema)
  list(
    @CurrentUser() actor: Principal | null,
    @Query(new ZodPipe(ListRatingsSchema)) query: ListRatingsQuery,
  ): Promise<ProviderRatingsView | Page<RatingView>> {
    if (query.providerId && !query.projectId && !query.status) return this.ratings.ofProvider(query.providerId, query);
    if (!actor) throw new UnauthenticatedError();
    return this.ratings.list(actor, query);
  }

  @Get('ratings/:id')
  @Public()
  @ApiOperation({ summary: 'One rating (counted ratings are public; removed ones for the parties and officers)' })
  get(@CurrentUser() actor: Principal | null, @Param('id', new ZodPipe(UuidParam)) id: string): Promise<RatingView> {
    return this.ratings.get(actor, id);
  }

  @Post('ratings/:id/reply')
  @ApiOperation({ summary: "The provider's one reply {text ≤ 1000}" })
  @ApiZodBody(ReplyRatingSchema)
  reply(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(ReplyRatingSchema)) input: ReplyRatingInput,
  ): Promise<RatingView> {
    return this.ratings.reply(actor, id, input);
  }

  @Post('ratings/:id/appeal')
  @ApiOperation({ summary: 'An appeal by the enterprise or the provider within 15 days {reason}' })
  @ApiZodBody(AppealRatingSchema)
  appeal(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(AppealRatingSchema)) input: AppealRatingInput,
  ): Promise<RatingView> {
    return this.ratings.appeal(actor, id, input);
  }

  @Post('ratings/:id/appeal/decision')
  @Roles('district_officer')
  @ApiOperation({ summary: "The district officer's decision {decision: uphold|remove, reason}; remove takes it out of the record" })
  @ApiZodBody(DecideAppealSchema)
  decide(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(DecideAppealSchema)) input: DecideAppealInput,
  ): Promise<RatingView> {
    return this.ratings.decide(actor, id, input);
  }
}
