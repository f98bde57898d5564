import { startTestApp, TestApp } from '../support/test-app.js';
import { loginAdmin, registerUser, TestUser } from '../factories/users.js';
import { approvedProvider, cityOfficer, createEnterprise } from '../factories/directory.js';
import { publishedSolution } from '../factories/catalogue.js';
import { publishedNeed } from '../factories/demand.js';

describe('search: GET /search/solutions and /search/needs', () => {
  let t: TestApp;
  let owner: TestUser;
  let other: { owner: TestUser; provider: { id: string } };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const a = await approvedProvider(t, { kind: 'integrator', districts: ['tiexi', 'hunnan'] });
    owner = a.owner;
    other = await approvedProvider(t, { kind: 'product', districts: ['heping'] });
    const make = async (key: string, who: { owner: TestUser; provider: { id: string } }, body: Record<string, unknown>) => {
      ids[key] = (await publishedSolution(t, who.owner, who.provider.id, body)).id;
    };
    await make('cnc', a, {
      title: '数控机床设备联网与OEE看板',
      summary: '为数控机床车间快速实现设备联网和效率分析。',
      description: '通过边缘网关采集数控系统数据，生成设备综合效率看板。',
      industries: ['machine_tool'],
      scenarios: ['device_networking', 'equipment'],
      priceMinFen: 5_000_000,
      priceMaxFen: 12_000_000,
      deployDays: 20,
      deliveryMode: 'saas',
      levels: [1, 2],
    });
    await make('tool', a, {
      title: '机床刀具寿命管理',
      summary: '刀具寿命预测与换刀提醒。',
      description: '记录刀具使用时长并提醒更换，减少废品。',
      industries: ['machine_tool'],
      scenarios: ['quality'],
      priceMinFen: 2_000_000,
      priceMaxFen: 4_000_000,
      deployDays: 10,
      deliveryMode: 'saas',
      levels: [1],
    });
    await make('energy', other, {
      title: '风冷机组能耗监测轻量化方案',
      summary: '分项计量，按班组统计能耗。',
      description: '部署智能电表与采集终端，实时监测空压机、风机能耗。',
      industries: ['air_cooling'],
      scenarios: ['energy'],
      priceMinFen: 8_000_000,
      priceMaxFen: 20_000_000,
      deployDays: 45,
      deliveryMode: 'private',
      levels: [2, 3],
    });
    await make('scada', other, {
      title: 'SCADA数据采集平台',
      summary: '产线实时监控与报警。',
      description: '支持Modbus与OPC UA协议，历史曲线与报警推送。',
      industries: ['transmission'],
      scenarios: ['data_collection'],
      priceMinFen: 15_000_000,
      priceMaxFen: 30_000_000,
      deployDays: 60,
      deliveryMode: 'hybrid',
      levels: [2, 3, 4],
    });
    await make('apart', a, {
      title: '老旧车间数字化改造',
      summary: '对老旧设备加装传感器。',
      description: '为存量设备加装采集模块，随后统一联网并接入管理平台。',
      industries: ['general_equipment'],
      scenarios: ['data_collection'],
      priceMinFen: 30_000_000,
      priceMaxFen: 50_000_000,
      deployDays: 90,
      deliveryMode: 'private',
      levels: [1, 2],
    });
    await make('html', a, {
      title: '<b>质量</b>追溯系统',
      summary: '质量数据全程追溯。',
      description: '按批次追溯原材料与工序质量记录。',
      industries: ['auto_parts'],
      scenarios: ['quality'],
      priceMinFen: 6_000_000,
      priceMaxFen: 9_000_000,
      deployDays: 30,
      deliveryMode: 'saas',
      levels: [2],
    });
    await t.drain();
  });
  afterAll(async () => {
    await t.close();
  });

  const search = (query: Record<string, string | number | (string | number)[]>) => t.get('/search/solutions', { query });
  const hitIds = (body: { hits: { id: string }[] }) => body.hits.map((h) => h.id);

  it('ranks a title with the whole word 数控机床 above one with only 机床', async () => {
    const res = await search({ q: '数控机床' });
    expect(res.status).toBe(200);
    const found = hitIds(res.body);
    expect(found[0]).toBe(ids.cnc);
    if (found.includes(ids.tool)) expect(found.indexOf(ids.cnc)).toBeLessThan(found.indexOf(ids.tool));
  });

  it('matches 设备联网 against 设备 … 联网 written apart', async () => {
    expect(hitIds((await search({ q: '设备联网' })).body)).toEqual(expect.arrayContaining([ids.cnc, ids.apart]));
  });

  it('finds 能耗监测 from the prefix 能耗监', async () => {
    expect(hitIds((await search({ q: '能耗监' })).body)).toContain(ids.energy);
  });

  it('tolerates a Latin typo (SCDAA → SCADA)', async () => {
    expect(hitIds((await search({ q: 'SCDAA' })).body)).toContain(ids.scada);
  });

  it('filters by industry, price, delivery time, level, provider kind and district', async () => {
    expect(hitIds((await search({ industry: 'machine_tool' })).body).sort()).toEqual([ids.cnc, ids.tool].sort());
    expect(hitIds((await search({ priceMaxFen: 6_000_000 })).body).sort()).toEqual([ids.cnc, ids.tool, ids.html].sort());
    expect(hitIds((await search({ deployDaysMax: 20 })).body).sort()).toEqual([ids.cnc, ids.tool].sort());
    expect(hitIds((await search({ level: 4 })).body)).toEqual([ids.scada]);
    expect(hitIds((await search({ providerKind: 'product' })).body).sort()).toEqual([ids.energy, ids.scada].sort());
    expect(hitIds((await search({ district: 'heping' })).body).sort()).toEqual([ids.energy, ids.scada].sort());
    expect(hitIds((await search({ scenario: ['energy', 'quality'] })).body).sort()).toEqual([ids.energy, ids.tool, ids.html].sort());
  });

  it('counts facets over all matches, equal to the counts of the published solutions', async () => {
    const res = await search({ facets: 'industry,deliveryMode,level', pageSize: 1 });
    expect(res.body.total).toBe(6);
    const all = await t.get('/solutions', { token: owner.token, query: { pageSize: 100 } });
    expect(all.status).toBe(200);
    const count = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
    const items = all.body.items as { industries: string[]; deliveryMode: string; levels: number[] }[];
    expect(res.body.facets.industry).toEqual(count(items.flatMap((s) => s.industries)));
    expect(res.body.facets.deliveryMode).toEqual(count(items.map((s) => s.deliveryMode)));
    expect(res.body.facets.level).toEqual(count(items.flatMap((s) => s.levels.map(String))));
  });

  it('sorts and pages stably', async () => {
    const cheap = await search({ sort: 'price' });
    const prices = cheap.body.hits.map((h: { priceMinFen: number }) => h.priceMinFen);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await search({ sort: 'newest', page, pageSize: 2 });
      expect(res.body).toMatchObject({ page, pageSize: 2, total: 6 });
      seen.push(...hitIds(res.body));
    }
    expect(new Set(seen).size).toBe(6);
  });

  it('highlights matches and escapes HTML', async () => {
    const res = await search({ q: '质量' });
    const hit = res.body.hits.find((h: { id: string }) => h.id === ids.html);
    expect(hit._highlight.title).toContain('&lt;b&gt;');
    expect(hit._highlight.title).toContain('<em>质量</em>');
    expect(hit._highlight.title).not.toContain('<b>');
  });

  it('refuses unknown filters, sorts and oversized pages with 400', async () => {
    const unknown = await search({ colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/colour/);
    expect((await search({ sort: 'popularity' })).status).toBe(400);
    expect((await search({ pageSize: 1000 })).status).toBe(400);
    expect((await search({ industry: 'spaceships' })).status).toBe(400);
    expect((await search({ priceMaxFen: 'cheap' })).status).toBe(400);
    const injection = await search({ q: '" OR 1=1 AND (industries = "x")' });
    expect(injection.status).toBe(200);
  });

  it('follows edits, delisting and drafts', async () => {
    const edited = await t.patch(`/solutions/${ids.tool}`, { title: '刀具寿命智能预测' }, { token: owner.token });
    expect(edited.status).toBe(200);
    const draft = await t.post(
      '/solutions',
      { ...edited.body, id: undefined, status: undefined, title: '未发布的数控草稿', providerId: edited.body.providerId },
      { token: owner.token },
    );
    expect(draft.status).toBe(201);
    expect((await t.post(`/solutions/${ids.cnc}/delist`, undefined, { token: owner.token })).status).toBe(200);
    await t.drain();
    expect(hitIds((await search({ q: '刀具寿命智能预测' })).body)).toContain(ids.tool);
    const cnc = hitIds((await search({ q: '数控' })).body);
    expect(cnc).not.toContain(ids.cnc);
    expect(cnc).not.toContain(draft.body.id);
  });

  it("hides a suspended provider's solutions and follows its profile", async () => {
    const officer = await cityOfficer(t);
    const decide = (decision: string) =>
      t.post(`/providers/${other.provider.id}/selection`, { decision, reason: '服务跟踪发现问题' }, { token: officer.token });
    expect((await decide('suspend')).status).toBe(201);
    await t.drain();
    expect(hitIds((await search({ providerKind: 'product' })).body)).toEqual([]);
    expect((await decide('reinstate')).status).toBe(201);
    const renamed = await t.patch(`/providers/${other.provider.id}`, { name: '盛京工业互联科技有限公司' }, { token: other.owner.token });
    expect(renamed.status).toBe(200);
    await t.drain();
    const back = await search({ q: '盛京工业互联' });
    expect(hitIds(back.body).sort()).toEqual([ids.energy, ids.scada].sort());
    expect(back.body.hits[0].providerName).toBe('盛京工业互联科技有限公司');
  });

  it('searches published needs and drops cancelled ones', async () => {
    const enterpriseOwner = await registerUser(t, 'enterprise');
    const enterprise = await createEnterprise(t, enterpriseOwner, { industry: 'air_cooling', district: 'dadong' });
    const need = await publishedNeed(t, enterpriseOwner, enterprise.id, {
      title: '空压站能耗在线监测',
      description: '我司空压机6台，希望按班组统计电耗并设置异常报警。',
      scenarios: ['energy'],
      budgetFen: 15_000_000,
    });
    await t.drain();
    const found = await t.get('/search/needs', { query: { q: '能耗监测', industry: 'air_cooling', facets: 'district' } });
    expect(found.status).toBe(200);
    expect(hitIds(found.body)).toContain(need.id);
    expect(found.body.facets.district).toEqual({ dadong: 1 });
    expect((await t.get('/search/needs', { query: { priceMaxFen: 10_000_000 } })).body.total).toBe(0);
    expect((await t.get('/search/needs', { query: { providerKind: 'product' } })).status).toBe(400);

    expect((await t.post(`/needs/${need.id}/cancel`, undefined, { token: enterpriseOwner.token })).status).toBe(200);
    await t.drain();
    expect(hitIds((await t.get('/search/needs', { query: { q: '能耗监测' } })).body)).not.toContain(need.id);
  });

  describe('understanding how owners ask', () => {
    it('says what it understood and ranks by the meaningful words (电费太贵 怎么省电 → energy)', async () => {
      const res = await search({ q: '电费太贵 怎么省电' });
      expect(res.status).toBe(200);
      expect(res.body.hits[0].id).toBe(ids.energy);
      expect(res.body.understood.terms).toContain('省电');
      expect(res.body.understood.terms).not.toContain('怎么');
      expect(res.body.understood.expanded).toEqual(expect.arrayContaining(['节能', '能耗']));
      expect(res.body.understood.scenarios).toEqual([{ code: 'energy', name: '能耗管理' }]);
      // The response keeps every field it had.
      expect(res.body).toMatchObject({ page: 1, pageSize: 20, facets: {} });
      expect(res.body.hits[0]._highlight).toBeDefined();
    });

    it('a query of stop and question words only returns nothing, explained, not the catalogue', async () => {
      const res = await search({ q: '怎么 什么 我想要', facets: 'industry' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        hits: [],
        total: 0,
        facets: { industry: {} },
        understood: { terms: [], expanded: [], scenarios: [] },
      });
      expect(res.body.notice).toMatch(/常用词/);
    });

    it('an officer adds a lexicon entry: audited, in force at once, refused to others and when malformed', async () => {
      expect((await search({ q: '风扇房' })).body.total).toBe(0);
      const officer = await cityOfficer(t);
      const entry = { kind: 'synonym', term: '风扇房', values: ['风机'] };
      expect((await t.post('/search/lexicon', entry)).status).toBe(401);
      expect((await t.post('/search/lexicon', entry, { token: owner.token })).status).toBe(403);
      const bad = await t.post('/search/lexicon', { kind: 'scenario', term: '风扇房', values: ['nope'] }, { token: officer.token });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('values');
      const added = await t.post('/search/lexicon', entry, { token: officer.token });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ kind: 'synonym', term: '风扇房', values: ['风机'] });
      expect((await t.post('/search/lexicon', entry, { token: officer.token })).status).toBe(409);
      expect(hitIds((await search({ q: '风扇房' })).body)).toEqual([ids.energy]);
      const listed = await t.get('/search/lexicon', { token: officer.token });
      expect(listed.body.items.map((e: { term: string }) => e.term)).toContain('风扇房');
      await t.drain();
      const admin = await loginAdmin(t);
      const audit = await t.get('/audit', { token: admin.token, query: { entityType: 'lexicon_entry' } });
      expect(audit.body.items).toEqual([expect.objectContaining({ action: 'lexicon.entry-added', actorId: officer.id })]);
    });

    it('records zero-result searches once each, without personal data, for the officers report and its XLSX', async () => {
      const before = (await t.get('/search/unmet-demand', { token: (await cityOfficer(t)).token })).body;
      const missing = (before.queries as { query: string; count: number }[]).find((x) => x.query === '无人机航拍测绘');
      expect(missing).toBeUndefined();
      expect((await search({ q: '无人机航拍测绘' })).body.total).toBe(0);
      await t.get('/search/solutions', { token: owner.token, query: { q: '无人机航拍测绘', industry: 'machine_tool' } });
      const officer = await cityOfficer(t);
      expect((await t.get('/search/unmet-demand')).status).toBe(401);
      expect((await t.get('/search/unmet-demand', { token: owner.token })).status).toBe(403);
      const report = await t.get('/search/unmet-demand', { token: officer.token });
      expect(report.status).toBe(200);
      const row = report.body.queries.find((x: { query: string }) => x.query === '无人机航拍测绘');
      expect(row).toMatchObject({ count: 2, zeroCount: 2 });
      expect(row.industries).toContain('machine_tool');
      expect(report.body.byWeek.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(report.body.total);
      expect(report.body.byIndustry).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'machine_tool', name: '机床制造' })]));
      const stored = await t.dataSource.query('SELECT * FROM search_miss');
      expect(JSON.stringify(stored)).not.toContain(owner.id);
      expect(Object.keys(stored[0]).sort()).toEqual([
        'at',
        'filters',
        'id',
        'industries',
        'query',
        'scenarios',
        'target',
        'terms',
        'total',
      ]);
      const xlsx = await t.get('/search/unmet-demand/export.xlsx', { token: officer.token });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    });

    it('suggests lexicon words and titles for a prefix, and offers a did-you-mean on a query finding nothing', async () => {
      const res = await t.get('/search/suggest', { query: { q: '能耗' } });
      expect(res.status).toBe(200);
      const texts = res.body.items.map((i: { text: string }) => i.text);
      expect(texts).toContain('风冷机组能耗监测轻量化方案');
      expect(res.body.items.some((i: { kind: string; text: string }) => i.kind === 'term' && i.text.startsWith('能耗'))).toBe(true);
      expect(res.body.items.length).toBeLessThanOrEqual(10);
      expect((await t.get('/search/suggest', { query: { q: '' } })).status).toBe(400);
      const typo = await search({ q: '能源计亮' });
      expect(typo.body.total).toBe(0);
      expect(typo.body.didYouMean).toBe('能源计量');
    });
  });
});
