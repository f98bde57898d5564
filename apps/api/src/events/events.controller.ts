import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiZodBody, ApiZodQuery, CurrentUser, CurrentViewer, Public, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  AddMeetingSchema,
  AgendaQuerySchema,
  CheckInSchema,
  CreateEventSchema,
  UpdateEventSchema,
  EventCheckInService,
  EventOutcomesService,
  EventPageSchema,
  EventRegistrationsService,
  EventScheduleQueriesService,
  EventScheduleService,
  EventsService,
  ListEventsSchema,
  MoveMeetingSchema,
  OutcomeSchema,
  RegisterSchema,
  RejectRegistrationSchema,
  SwapMeetingsSchema,
  UpdateRegistrationSchema,
} from '@smedx/events';
import type {
  AddMeetingInput,
  AgendaQuery,
  CheckInInput,
  CreateEventInput,
  UpdateEventInput,
  EventPageQuery,
  ListEventsQuery,
  MoveMeetingInput,
  OutcomeInput,
  RegisterInput,
  RejectRegistrationInput,
  SwapMeetingsInput,
  UpdateRegistrationInput,
} from '@smedx/events';
import { UuidParam } from '../http/query.js';

// Parsed as objects so that a 400 names the parameter (`rid: must be a UUID`).
const RegistrationParams = z.object({ id: UuidParam, rid: UuidParam });
const MeetingParams = z.object({ id: UuidParam, mid: UuidParam });

/** `Accept: text/calendar` (preferred over JSON) asks for the iCalendar agenda. */
export function prefersCalendar(accept: string | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(type!.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const calendar = weights.get('text/calendar') ?? 0;
  return calendar > 0 && calendar >= (weights.get('application/json') ?? 0);
}

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly eventRegistrations: EventRegistrationsService,
    private readonly schedules: EventScheduleService,
    private readonly scheduleQueries: EventScheduleQueriesService,
    private readonly outcomes: EventOutcomesService,
    private readonly checkIns: EventCheckInService,
  ) {}

  @Post()
  @Roles('organizer')
  @ApiOperation({ summary: 'Create a matchmaking event (供需对接活动) in draft (organisers)' })
  @ApiZodBody(CreateEventSchema)
  create(@CurrentUser() actor: Principal, @Body(new ZodPipe(CreateEventSchema)) input: CreateEventInput) {
    return this.events.create(actor, input);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Events, latest first: every event past draft, and your own drafts' })
  @ApiZodQuery(ListEventsSchema)
  list(@CurrentViewer() actor: Principal, @Query(new ZodPipe(ListEventsSchema)) query: ListEventsQuery) {
    return this.events.list(actor, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'An event with its registration counts (a draft only for its organiser)' })
  get(@CurrentViewer() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.events.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      "Change an event's fields (its organiser) until a schedule is drawn; once registration opened, industry, district, slotMinutes and slots are fixed (409) and a capacity cannot drop below the approved registrations (409)",
  })
  @ApiZodBody(UpdateEventSchema)
  update(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(UpdateEventSchema)) input: UpdateEventInput,
  ) {
    return this.events.update(actor, id, input);
  }

  @Post(':id/open-registration')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open registration (draft or registration_closed → registration_open; the organiser)' })
  openRegistration(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.events.changeStatus(actor, id, 'open_registration');
  }

  @Post(':id/close-registration')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close registration (registration_open → registration_closed; the organiser)' })
  closeRegistration(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.events.changeStatus(actor, id, 'close_registration');
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the event after the day (published → completed; the organiser)' })
  complete(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.events.changeStatus(actor, id, 'complete');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the event (any state before completed; participants are notified)' })
  cancel(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.events.changeStatus(actor, id, 'cancel');
  }

  @Post(':id/registrations')
  @ApiOperation({
    summary:
      'Register your enterprise or approved provider {organisationId, availableSlots (from 0; default all), wants (organisation ids)}',
  })
  @ApiZodBody(RegisterSchema)
  register(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(RegisterSchema)) input: RegisterInput,
  ) {
    return this.eventRegistrations.register(actor, id, input);
  }

  @Get(':id/registrations')
  @ApiOperation({ summary: 'Registrations: all for the organiser; approved participants and your own for participants' })
  @ApiZodQuery(EventPageSchema)
  registrations(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(EventPageSchema)) query: EventPageQuery,
  ) {
    return this.eventRegistrations.listRegistrations(actor, id, query);
  }

  @Patch(':id/registrations/:rid')
  @ApiOperation({ summary: 'Change availableSlots and/or wants (the organisation, or the organiser) until the schedule is drawn' })
  @ApiZodBody(UpdateRegistrationSchema)
  updateRegistration(
    @CurrentUser() actor: Principal,
    @Param(new ZodPipe(RegistrationParams)) params: z.infer<typeof RegistrationParams>,
    @Body(new ZodPipe(UpdateRegistrationSchema)) patch: UpdateRegistrationInput,
  ) {
    return this.eventRegistrations.updateRegistration(actor, params.id, params.rid, patch);
  }

  @Post(':id/registrations/:rid/approve')
  @HttpCode(200)
  @ApiOperation({ summary: "Approve a registration within the side's capacity (the organiser; 409 when full)" })
  approve(@CurrentUser() actor: Principal, @Param(new ZodPipe(RegistrationParams)) params: z.infer<typeof RegistrationParams>) {
    return this.eventRegistrations.decide(actor, params.id, params.rid, 'approve');
  }

  @Post(':id/registrations/:rid/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a registration with a reason (the organiser)' })
  @ApiZodBody(RejectRegistrationSchema)
  reject(
    @CurrentUser() actor: Principal,
    @Param(new ZodPipe(RegistrationParams)) params: z.infer<typeof RegistrationParams>,
    @Body(new ZodPipe(RejectRegistrationSchema)) input: RejectRegistrationInput,
  ) {
    return this.eventRegistrations.decide(actor, params.id, params.rid, 'reject', input.reason);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the scheduler: a draft schedule of 1:1 meetings, and unmetMinimums [{enterpriseId, reason}] (the organiser)',
  })
  schedule(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.schedules.schedule(actor, id);
  }

  @Get(':id/meetings')
  @ApiOperation({ summary: 'The whole schedule by slot and table (the organiser)' })
  @ApiZodQuery(EventPageSchema)
  meetings(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(EventPageSchema)) query: EventPageQuery,
  ) {
    return this.scheduleQueries.listMeetings(actor, id, query);
  }

  @Post(':id/meetings')
  @ApiOperation({ summary: 'Add a meeting {enterpriseId, providerId, slot, table?} to the draft (409 naming the broken rule)' })
  @ApiZodBody(AddMeetingSchema)
  addMeeting(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(AddMeetingSchema)) input: AddMeetingInput,
  ) {
    return this.schedules.addMeeting(actor, id, input);
  }

  @Post(':id/meetings/swap')
  @HttpCode(200)
  @ApiOperation({ summary: 'Swap the slots and tables of two meetings {a, b} (409 naming the broken rule)' })
  @ApiZodBody(SwapMeetingsSchema)
  swap(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(SwapMeetingsSchema)) input: SwapMeetingsInput,
  ) {
    return this.schedules.swapMeetings(actor, id, input);
  }

  @Patch(':id/meetings/:mid')
  @ApiOperation({ summary: 'Move a meeting to {slot, table} (409 naming the broken rule: double booking, table taken, …)' })
  @ApiZodBody(MoveMeetingSchema)
  moveMeeting(
    @CurrentUser() actor: Principal,
    @Param(new ZodPipe(MeetingParams)) params: z.infer<typeof MeetingParams>,
    @Body(new ZodPipe(MoveMeetingSchema)) input: MoveMeetingInput,
  ) {
    return this.schedules.moveMeeting(actor, params.id, params.mid, input);
  }

  @Delete(':id/meetings/:mid')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a meeting from the draft schedule (the organiser)' })
  async removeMeeting(@CurrentUser() actor: Principal, @Param(new ZodPipe(MeetingParams)) params: z.infer<typeof MeetingParams>) {
    await this.schedules.removeMeeting(actor, params.id, params.mid);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the schedule: participants are notified and read their agendas (the organiser)' })
  async publish(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    await this.schedules.publish(actor, id);
    return this.events.get(actor, id);
  }

  @Get(':id/agenda')
  @ApiOperation({
    summary:
      "Your organisation's meetings and, while the event takes check-ins, checkIn {token, shortCode, qrSvg, expiresAt, checkedInAt}; `Accept: text/calendar` or ?format=ics for an RFC 5545 calendar",
  })
  @ApiHeader({ name: 'Accept', required: false, description: 'text/calendar for the .ics; JSON otherwise' })
  @ApiZodQuery(AgendaQuerySchema)
  @ApiProduces('application/json', 'text/calendar')
  async agenda(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(AgendaQuerySchema)) query: AgendaQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('vary', 'Accept');
    if (query.format === 'ics' || (!query.format && prefersCalendar(accept))) {
      const { filename, ics } = await this.scheduleQueries.agendaIcs(actor, id, query);
      reply.header('content-type', 'text/calendar; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${filename}"`);
      return ics;
    }
    return this.scheduleQueries.agenda(actor, id, query);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Check a participant in: {token} from its QR code or {shortCode} (the organiser or an admin), or {organisationId} (also the organisation's own members). Again: 200 with the first checkedInAt and alreadyCheckedIn; a forged token 400, another event's 409, an expired one 410",
  })
  @ApiZodBody(CheckInSchema)
  checkIn(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CheckInSchema)) input: CheckInInput,
  ) {
    return this.checkIns.checkIn(actor, id, input);
  }

  @Post(':id/meetings/:mid/outcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a meeting outcome {held, intent, contract, noShowBy} (the organiser)' })
  @ApiZodBody(OutcomeSchema)
  outcome(
    @CurrentUser() actor: Principal,
    @Param(new ZodPipe(MeetingParams)) params: z.infer<typeof MeetingParams>,
    @Body(new ZodPipe(OutcomeSchema)) input: OutcomeInput,
  ) {
    return this.outcomes.recordOutcome(actor, params.id, params.mid, input);
  }

  @Get(':id/report')
  @ApiOperation({
    summary:
      'The event report: registrations, arrivals by quarter hour, the meeting funnel, figures per kind, recommendation quality, no-shows',
  })
  report(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.outcomes.report(actor, id);
  }
}
