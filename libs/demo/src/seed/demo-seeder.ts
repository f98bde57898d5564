import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, UnitOfWork } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { IdentityService, UserAdministrationService } from '@smedx/identity';
import {
  CreateEnterpriseSchema,
  CreateProviderSchema,
  DirectoryService,
  Enterprise,
  EnterprisesService,
  ProvidersService,
} from '@smedx/directory';
import { CreateSolutionSchema, SolutionsService } from '@smedx/catalogue';
import { CreateNeedSchema, NeedsService } from '@smedx/demand';
import { ChainInvitationsService, ChainsService, CreateChainSchema, CreateInvitationSchema } from '@smedx/chains';
import { CreateEventSchema, EventRegistrationsService, EventsService, RegisterSchema } from '@smedx/events';
import { PILOT_INDUSTRY_CODES } from '@smedx/taxonomy';
import { DocumentsService, FilesService, samplePdf } from '@smedx/documents';
import { PROVIDER_DOCUMENT_OWNER } from '@smedx/directory';
import { generateDemoDataset } from '../demo-dataset.js';
import type { DemoDataset, DemoOptions } from '../demo-dataset.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Loads the demo dataset through the same services the API uses, so every
 * rule, audit entry and outbox job happens as it would for real users.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly identity: IdentityService,
    private readonly userAdministration: UserAdministrationService,
    private readonly enterprises: EnterprisesService,
    private readonly providers: ProvidersService,
    private readonly directory: DirectoryService,
    private readonly solutions: SolutionsService,
    private readonly needs: NeedsService,
    private readonly chains: ChainsService,
    private readonly invitations: ChainInvitationsService,
    private readonly events: EventsService,
    private readonly eventRegistrations: EventRegistrationsService,
    private readonly files: FilesService,
    private readonly documents: DocumentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Seeds only a database without enterprises, so a restart never duplicates data. */
  async seedIfEmpty(options: DemoOptions = {}): Promise<boolean> {
    if ((await this.dataSource.getRepository(Enterprise).count()) > 0) return false;
    const started = Date.now();
    const data = generateDemoDataset(options);
    await this.seed(data);
    this.logger.log(
      `demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${data.enterprises.length} enterprises, ${data.providers.length} providers, ` +
        `${data.solutions.filter((s) => s.publish).length} published solutions, ${data.needs.filter((n) => n.publish).length} published needs`,
    );
    return true;
  }

  private async seed(data: DemoDataset): Promise<void> {
    const hash = await this.userAdministration.hashPassword(data.users[0]?.password ?? 'demo-pass-2024');
    const userIds = new Map<string, string>();
    for (const user of data.users) {
      userIds.set(user.key, await this.userAdministration.ensureUser(user.email, hash, user.displayName, user.roles));
    }
    const principal = async (key: string): Promise<Principal> => {
      const loaded = await this.identity.load(userIds.get(key)!);
      if (!loaded) throw new Error(`demo user ${key} missing`);
      return loaded;
    };
    const officerKey = data.users.find((u) => u.roles.some((r) => r.role === 'city_officer'))!.key;
    const officer = await principal(officerKey);

    const enterpriseIds = new Map<string, string>();
    for (const e of data.enterprises) {
      const created = await this.enterprises.create(
        await principal(e.ownerKey),
        CreateEnterpriseSchema.parse({
          name: e.name,
          uscc: e.uscc,
          industry: e.industry,
          district: e.district,
          scale: e.scale,
          employees: e.employees,
          annualRevenueFen: e.annualRevenueFen,
          isLittleGiantFunded: e.isLittleGiantFunded,
          inPilot2022: e.inPilot2022,
          isSpecialised: e.isSpecialised,
        }),
      );
      enterpriseIds.set(e.key, created.id);
      await this.uow.run((tx) => this.directory.setDigitalLevel(tx, created.id, e.digitalLevel, 'assessment'));
    }
    // The pilot pool: 规上 enterprises of the pilot industries are enrolled (应改尽改), about half of the others (愿改尽改).
    for (const [i, e] of data.enterprises.entries()) {
      const pilotIndustry = PILOT_INDUSTRY_CODES.includes(e.industry);
      if (!(e.scale === 'above' && pilotIndustry) && i % 2 === 1) continue;
      const batch = i < 24 ? 'sample' : i % 3 === 0 ? 'batch1' : 'batch2';
      await this.enterprises.enrolInPilot(officer, enterpriseIds.get(e.key)!, batch);
    }

    const providerIds = new Map<string, string>();
    for (const p of data.providers) {
      const created = await this.providers.create(
        await principal(p.ownerKey),
        CreateProviderSchema.parse({
          name: p.name,
          uscc: p.uscc,
          kind: p.kind,
          districts: p.districts,
          description: p.description,
        }),
      );
      providerIds.set(p.key, created.id);
      // Selection is decided on the business licence: every applicant files one (the pending ones too).
      const owner = await principal(p.ownerKey);
      const licence = await this.files.upload(owner, {
        filename: '营业执照.pdf',
        stream: Readable.from([samplePdf(`Business licence ${p.uscc}`)]),
        organisationId: created.id,
      });
      await this.documents.attach(owner, PROVIDER_DOCUMENT_OWNER, created.id, { fileId: licence.id, kind: 'business_licence' });
      if (p.decision === 'pending') continue;
      const first = p.decision === 'reject' ? 'reject' : 'approve';
      await this.providers.decide(officer, created.id, {
        decision: first,
        reason: first === 'approve' ? '资质材料齐全，服务案例与试点行业匹配，同意入库。' : '缺少近两年同类项目案例，暂不入库。',
      });
      if (p.decision === 'suspend') {
        await this.providers.decide(officer, created.id, { decision: 'suspend', reason: '服务跟踪中发现交付延期，暂停接单整改。' });
      }
    }

    const providerOwner = new Map(data.providers.map((p) => [p.key, p.ownerKey]));
    for (const s of data.solutions) {
      const actor = await principal(providerOwner.get(s.providerKey)!);
      const created = await this.solutions.create(
        actor,
        CreateSolutionSchema.parse({
          providerId: providerIds.get(s.providerKey)!,
          title: s.title,
          summary: s.summary,
          description: s.description,
          scenarios: s.scenarios,
          industries: s.industries,
          priceMinFen: s.priceMinFen,
          priceMaxFen: s.priceMaxFen,
          deployDays: s.deployDays,
          deliveryMode: s.deliveryMode,
          levels: s.levels,
          cases: s.cases,
        }),
      );
      if (s.publish) await this.solutions.publish(actor, created.id);
    }

    const enterpriseOwner = new Map(data.enterprises.map((e) => [e.key, e.ownerKey]));
    const now = this.clock.now().getTime();
    for (const n of data.needs) {
      const actor = await principal(enterpriseOwner.get(n.enterpriseKey)!);
      const created = await this.needs.create(
        actor,
        CreateNeedSchema.parse({
          enterpriseId: enterpriseIds.get(n.enterpriseKey)!,
          title: n.title,
          description: n.description,
          scenarios: n.scenarios,
          budgetFen: n.budgetFen,
          expectedDays: n.expectedDays,
          bidDeadline: new Date(now + n.bidDeadlineDaysFromNow * DAY_MS).toISOString(),
        }),
      );
      if (n.publish) await this.needs.publish(actor, created.id);
    }

    await this.seedChain(data, principal, officer, enterpriseIds);
    await this.seedEvent(data, principal, enterpriseIds, providerIds);
  }

  /**
   * A chain led by the demo enterprise (`enterprise@demo.smedx.cn`): six enterprises of its
   * industry joined (three upstream, three downstream), two more invited and not yet answered.
   */
  private async seedChain(
    data: DemoDataset,
    principal: (key: string) => Promise<Principal>,
    officer: Principal,
    enterpriseIds: Map<string, string>,
  ): Promise<void> {
    const [leader, ...others] = data.enterprises;
    if (!leader) return;
    const sameIndustry = others.filter((e) => e.industry === leader.industry).slice(0, 8);
    await this.chains.markLeader(officer, enterpriseIds.get(leader.key)!, {
      isChainLeader: true,
      reason: '行业龙头，带动上下游配套企业链式转型。',
    });
    const owner = await principal(leader.ownerKey);
    const chain = await this.chains.create(
      owner,
      CreateChainSchema.parse({
        name: `${leader.name}产业链`,
        description: '以整机制造为核心，带动铸件、机加工、电气配套等上游供应商和下游经销、服务企业协同开展数字化改造。',
      }),
    );
    for (const [i, member] of sameIndustry.entries()) {
      const issued = await this.invitations.invite(
        owner,
        chain.id,
        CreateInvitationSchema.parse({ position: i % 2 === 0 ? 'upstream' : 'downstream', uscc: member.uscc, expiresInDays: 30 }),
      );
      if (i < 6)
        await this.invitations.accept(await principal(member.ownerKey), issued.token, { enterpriseId: enterpriseIds.get(member.key)! });
    }
  }

  /**
   * A matchmaking event of the demo organiser with registration open: twelve enterprises
   * and six approved providers registered and approved, each naming whom it wants to meet,
   * so the organiser can close registration and run the scheduler.
   */
  private async seedEvent(
    data: DemoDataset,
    principal: (key: string) => Promise<Principal>,
    enterpriseIds: Map<string, string>,
    providerIds: Map<string, string>,
  ): Promise<void> {
    const organiserKey = data.users.find((u) => u.roles.some((r) => r.role === 'organizer'))?.key;
    const [first] = data.enterprises;
    if (!organiserKey || !first) return;
    const organiser = await principal(organiserKey);
    const startsAt = new Date(this.clock.now().getTime() + 14 * DAY_MS);
    startsAt.setUTCHours(1, 0, 0, 0);
    const event = await this.events.create(
      organiser,
      CreateEventSchema.parse({
        title: '铁西区装备制造业数字化转型供需对接会',
        industry: first.industry,
        district: 'tiexi',
        venue: '沈阳市铁西区中小企业服务中心 2 楼多功能厅',
        online: false,
        startsAt: startsAt.toISOString(),
        slotMinutes: 20,
        slots: 8,
        tables: 6,
        capacityEnterprises: 30,
        capacityProviders: 20,
        minMeetingsPerEnterprise: 2,
        maxMeetingsPerProvider: 6,
      }),
    );
    await this.events.changeStatus(organiser, event.id, 'open_registration');
    const providers = data.providers.filter((p) => p.decision === 'approve').slice(0, 6);
    const enterprises = data.enterprises.slice(0, 12);
    const registrations: string[] = [];
    for (const [i, e] of enterprises.entries()) {
      const wants = [providers[i % providers.length], providers[(i + 2) % providers.length]]
        .filter((p) => p !== undefined)
        .map((p) => providerIds.get(p.key)!);
      const registration = await this.eventRegistrations.register(
        await principal(e.ownerKey),
        event.id,
        RegisterSchema.parse({ organisationId: enterpriseIds.get(e.key)!, wants: [...new Set(wants)] }),
      );
      registrations.push(registration.id);
    }
    for (const [i, p] of providers.entries()) {
      const wanted = enterprises[(i * 5) % enterprises.length];
      const registration = await this.eventRegistrations.register(
        await principal(p.ownerKey),
        event.id,
        RegisterSchema.parse({ organisationId: providerIds.get(p.key)!, wants: wanted ? [enterpriseIds.get(wanted.key)!] : [] }),
      );
      registrations.push(registration.id);
    }
    for (const id of registrations) await this.eventRegistrations.decide(organiser, event.id, id, 'approve');
  }
}
