import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiZodQuery, CurrentUser, Public, ZodPipe, parseOrThrow } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  LastEventIdHeaderSchema,
  ListNotificationsSchema,
  NotificationStreams,
  NotificationStreamSchema,
  NotificationsService,
} from '@smedx/notifications';
import type { ListNotificationsQuery, NotificationStreamQuery } from '@smedx/notifications';
import { UuidParam } from '../http/query.js';
import { EXPENSIVE_RATE_LIMIT } from '../http/rate-limit.js';

// Parsed as an object so that a 400 names the parameter (`id: must be a UUID`).
const IdParams = z.object({ id: UuidParam });

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly streams: NotificationStreams,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first, with my unread count' })
  @ApiZodQuery(ListNotificationsSchema)
  list(@CurrentUser() actor: Principal, @Query(new ZodPipe(ListNotificationsSchema)) query: ListNotificationsQuery) {
    return this.notifications.list(actor, query);
  }

  @Get('stream')
  @Public()
  @RouteConfig(EXPENSIVE_RATE_LIMIT)
  @ApiOperation({
    summary: 'My new notifications as server-sent events',
    description:
      'Each new notification arrives as `event: notification` with `id: <event id>` and the notification as JSON `data`; ' +
      'a `: keep-alive` comment is sent every 25 s. Authenticate with `Authorization: Bearer <token>` or, since a ' +
      "browser's EventSource cannot set headers, with `?access_token=<token>`. On reconnect, `Last-Event-ID` (or " +
      '`?lastEventId=`) replays what was missed (up to 100). The stream ends when the token expires.',
  })
  @ApiZodQuery(NotificationStreamSchema)
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'id of the last event received' })
  @ApiProduces('text/event-stream')
  async stream(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() rawQuery: Record<string, unknown>,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
  ): Promise<void> {
    // Authenticated before the rest is validated, as the guard does on every other route.
    const accessToken = typeof rawQuery.access_token === 'string' ? rawQuery.access_token : undefined;
    const session = await this.streams.authenticate(request.headers.authorization, accessToken);
    const query: NotificationStreamQuery = parseOrThrow(NotificationStreamSchema, rawQuery);
    const header = parseOrThrow(LastEventIdHeaderSchema, { 'Last-Event-ID': lastEventIdHeader || undefined });
    reply.hijack();
    await this.streams.open(session, reply.raw, header['Last-Event-ID'] ?? query.lastEventId ?? null);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  readAll(@CurrentUser() actor: Principal) {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read (again is fine: the first time is kept)' })
  read(@CurrentUser() actor: Principal, @Param(new ZodPipe(IdParams)) params: { id: string }) {
    return this.notifications.markRead(actor, params.id);
  }
}
