import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Drawer, Empty, Grid, List, Result, Row, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { HeatmapChart, MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, toQueryString } from '../api';
import { hasRole, useUser } from '../auth';
import { Chart } from '../components/Chart';
import { showError } from '../components/feedback';
import { formatDate, formatTime } from '../format';
import { LEVEL_NAMES, SCALE_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { useUrlState } from '../useUrlState';
import type { IndustryMapEnterpriseView, IndustryMapView, MapBatchKey, MapCounts, Page, Wire } from '@smedx/contracts';

// The map and the heat map are drawn only on this page.
echarts.use([MapChart, HeatmapChart, VisualMapComponent]);

type IndustryMap = Wire<IndustryMapView>;
type Counts = Wire<MapCounts>;
type CellEnterprise = Wire<IndustryMapEnterpriseView>;

const MAP_NAME = 'shenyang';
/** What the map and the heat map are coloured by: the mean official level, or the share in a pilot batch (or in any). */
type Colouring = 'level' | 'batch';
type BatchShare = Exclude<MapBatchKey, 'none'> | 'pool';
const LEVEL_COLOURS = ['#f0f5ff', '#adc6ff', '#597ef7', '#1d39c4', '#061178'];
const SHARE_COLOURS = ['#fff7e6', '#ffd591', '#fa8c16', '#ad4e00'];

/** Registers the district outlines once; the GeoJSON is its own chunk, fetched only by this page. */
let outline: Promise<void> | null = null;
function loadOutline(): Promise<void> {
  outline ??= import('../assets/geo/shenyang-districts.json').then((geo) => {
    echarts.registerMap(MAP_NAME, geo.default as unknown as Parameters<typeof echarts.registerMap>[1]);
  });
  return outline;
}

/** The cell whose enterprises the drawer lists: a district, an industry, or both. */
interface Selection {
  district?: string;
  industry?: string;
  title: string;
}

/** The figure a slice is coloured by; null when there is nothing to colour. */
function metricOf(c: Counts, colouring: Colouring, share: BatchShare): number | null {
  if (colouring === 'level') return c.meanLevel;
  if (c.total === 0) return null;
  const inBatch = share === 'pool' ? c.total - c.byBatch.none : c.byBatch[share];
  return Math.round((inBatch / c.total) * 1000) / 10;
}

/** 产业云图: enterprises by district × industry on the map of Shenyang, coloured by digital level or pilot batch. */
export default function IndustryMapPage() {
  const user = useUser();
  const url = useUrlState();
  const taxonomy = useTaxonomy();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const cityWide = hasRole(user, 'city_officer', 'admin');
  const query = useMemo(
    () => ({ district: url.get('district') || undefined, batch: url.get('batch') || undefined, level: url.get('level') || undefined }),
    [url],
  );
  const queryString = toQueryString(query);
  const colouring: Colouring = url.get('colour') === 'batch' ? 'batch' : 'level';
  const share = (url.get('share') || 'pool') as BatchShare;

  const [map, setMap] = useState<IndustryMap | null>(null);
  const [loading, setLoading] = useState(true);
  const [forbidden, setForbidden] = useState(false);
  const [outlineReady, setOutlineReady] = useState(false);
  const [selection, setSelection] = useState<Selection | null>(null);

  useEffect(() => {
    loadOutline().then(() => setOutlineReady(true), showError);
  }, []);

  useEffect(() => {
    setLoading(true);
    api
      .get('/indicators/industry-map', query)
      .then(setMap, (e) => {
        if (e instanceof ApiError && e.status === 403) setForbidden(true);
        else showError(e);
      })
      .finally(() => setLoading(false));
  }, [queryString]);

  const districtName = useMemo(() => new Map((map?.districts ?? []).map((d) => [d.code, d.name])), [map]);
  const industryName = useMemo(() => new Map((map?.industries ?? []).map((i) => [i.code, i.name])), [map]);
  const batchName = useMemo(() => new Map((map?.batches ?? []).map((b) => [b.code, b.name])), [map]);
  const metricName =
    colouring === 'level' ? '平均数字化等级' : `${share === 'pool' ? '入库企业' : `${batchName.get(share) ?? share}企业`}占比（%）`;

  const visualMap = useMemo(
    () =>
      colouring === 'level'
        ? { min: 1, max: 4, text: ['四级', '一级'], inRange: { color: LEVEL_COLOURS.slice(1) }, precision: 1 }
        : { min: 0, max: 100, text: ['100%', '0%'], inRange: { color: SHARE_COLOURS }, precision: 0 },
    [colouring],
  );

  const mapOption = useMemo<EChartsCoreOption | null>(() => {
    if (!map || !outlineReady) return null;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: { total: number; value: number | null } }) =>
          p.data ? `${p.name}<br/>企业 ${p.data.total} 家<br/>${metricName}：${p.data.value ?? '暂无'}` : `${p.name}<br/>未纳入本次查看`,
      },
      visualMap: { ...visualMap, left: 8, bottom: 8, calculable: false, itemHeight: 90 },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          roam: false,
          selectedMode: false,
          label: { show: !narrow, fontSize: 10 },
          itemStyle: { areaColor: '#f5f5f5', borderColor: '#8c8c8c' },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffe58f' } },
          data: map.districts.map((d) => ({ name: d.name, code: d.code, total: d.total, value: metricOf(d, colouring, share) ?? NaN })),
        },
      ],
    };
  }, [map, outlineReady, colouring, share, metricName, visualMap, narrow]);

  const heatOption = useMemo<EChartsCoreOption | null>(() => {
    if (!map) return null;
    const xs = map.districts.map((d) => d.code);
    const ys = map.industries.map((i) => i.code);
    return {
      tooltip: {
        formatter: (p: { data: [number, number, number | string, number] }) => {
          const [x, y, value, total] = p.data;
          return `${districtName.get(xs[x]!)} · ${industryName.get(ys[y]!)}<br/>企业 ${total} 家<br/>${metricName}：${value === '-' ? '暂无' : value}`;
        },
      },
      grid: { left: narrow ? 96 : 150, right: 12, top: 8, bottom: 96 },
      xAxis: {
        type: 'category',
        data: xs.map((c) => districtName.get(c)),
        axisLabel: { interval: 0, rotate: 45 },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        data: ys.map((c) => industryName.get(c)),
        axisLabel: { width: narrow ? 88 : 140, overflow: 'truncate' },
        splitArea: { show: true },
      },
      visualMap: { ...visualMap, show: false, dimension: 2 },
      series: [
        {
          type: 'heatmap',
          data: map.cells.map((c) => [xs.indexOf(c.district), ys.indexOf(c.industry), metricOf(c, colouring, share) ?? '-', c.total]),
          label: {
            show: !narrow,
            formatter: (p: { data: [number, number, unknown, number] }) => (p.data[3] ? String(p.data[3]) : ''),
          },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
        },
      ],
    };
  }, [map, colouring, share, metricName, visualMap, districtName, industryName, narrow]);

  if (forbidden) return <Result status="403" title="无权查看" subTitle="产业云图仅向市工信局、区县工信部门和平台管理员开放。" />;
  if (!map) return loading ? <Spin /> : <Empty description="暂无产业数据：企业登记并填报行业、区县后，这里显示分布" />;

  const open = (district: string | undefined, industry: string | undefined) => {
    const title = [district && districtName.get(district), industry && industryName.get(industry)].filter(Boolean).join(' · ');
    setSelection({ district, industry, title: title || (map.scope.districtName ?? '全市') });
  };
  const onMapClick = (e: ECElementEvent) => {
    const code = (e.data as { code?: string } | undefined)?.code;
    if (code) open(code, undefined);
  };
  const onHeatClick = (e: ECElementEvent) => {
    const [x, y] = e.data as [number, number];
    open(map.districts[x]?.code, map.industries[y]?.code);
  };

  const scopeName = map.scope.districtName ?? '全市';
  const exportName = `产业云图-${scopeName}-${formatDate(map.asOf)}.xlsx`;
  const levelText = (c: Counts) => (c.meanLevel === null ? '' : `均${c.meanLevel}级`);
  const cellButton = (c: Counts, district: string | undefined, industry: string | undefined, testId?: string) =>
    c.total === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => open(district, industry)} data-testid={testId}>
        <span>{c.total} 家</span>
        {c.meanLevel !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
            {levelText(c)}
          </Typography.Text>
        )}
      </Button>
    );

  type Row = IndustryMap['districts'][number];
  const columns: TableColumnsType<Row> = [
    { title: '区县', dataIndex: 'name', fixed: 'left', width: 96 },
    ...map.industries.map((i) => ({
      title: i.name,
      key: i.code,
      width: 110,
      render: (_: unknown, d: Row) => {
        const cell = map.cells.find((c) => c.district === d.code && c.industry === i.code)!;
        return cellButton(cell, d.code, i.code, `cell-${d.code}-${i.code}`);
      },
    })),
    { title: '合计', key: 'total', width: 110, render: (_: unknown, d: Row) => cellButton(d, d.code, undefined) },
  ];

  return (
    <Spin spinning={loading}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space align="baseline" wrap>
          <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
            产业云图
          </Typography.Title>
          <Tag color="blue">{scopeName}</Tag>
          <Typography.Text type="secondary">数据截至 {formatTime(map.asOf)}</Typography.Text>
        </Space>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => api.download(`/indicators/industry-map/export.xlsx${queryString}`, exportName).catch(showError)}
        >
          导出 Excel
        </Button>
      </Space>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          {cityWide && (
            <Select
              allowClear
              placeholder="区县（全市）"
              style={{ width: 150 }}
              options={taxonomy.options('districts')}
              value={query.district}
              onChange={(v) => url.set({ district: v })}
              aria-label="区县"
            />
          )}
          <Select
            allowClear
            placeholder="试点批次（全部）"
            style={{ width: 160 }}
            options={map.batches.map((b) => ({ value: b.code, label: b.name }))}
            value={query.batch}
            onChange={(v) => url.set({ batch: v })}
            aria-label="试点批次"
          />
          <Select
            allowClear
            placeholder="数字化等级（全部）"
            style={{ width: 170 }}
            options={map.levels.map((l) => ({ value: l.code, label: l.name }))}
            value={query.level}
            onChange={(v) => url.set({ level: v })}
            aria-label="数字化等级"
          />
          <Segmented
            value={colouring}
            options={[
              { value: 'level', label: '按等级着色' },
              { value: 'batch', label: '按批次占比着色' },
            ]}
            onChange={(v) => url.set({ colour: v === 'batch' ? 'batch' : undefined })}
          />
          {colouring === 'batch' && (
            <Select
              style={{ width: 150 }}
              value={share}
              options={[
                { value: 'pool', label: '全部入库企业' },
                ...map.batches.filter((b) => b.code !== 'none').map((b) => ({ value: b.code, label: b.name })),
              ]}
              onChange={(v) => url.set({ share: v === 'pool' ? undefined : v })}
              aria-label="占比批次"
            />
          )}
        </Space>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card
            title={`${scopeName}区县分布（${metricName}）`}
            size="small"
            extra={<Typography.Text type="secondary">点击区县查看企业</Typography.Text>}
          >
            {mapOption ? (
              <Chart option={mapOption} height={narrow ? 360 : 460} onClick={onMapClick} testId="industry-map-chart" />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={`区县 × 行业（格内为企业数，颜色为${metricName}）`} size="small">
            {heatOption && <Chart option={heatOption} height={narrow ? 360 : 460} onClick={onHeatClick} testId="industry-heatmap" />}
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title="区县 × 行业明细"
            size="small"
            extra={
              <Typography.Text type="secondary">
                合计 {map.total.total} 家{map.total.meanLevel !== null && `，平均 ${map.total.meanLevel} 级`}
              </Typography.Text>
            }
          >
            <Table<Row>
              rowKey="code"
              size="small"
              columns={columns}
              dataSource={map.districts}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="industry-map-table"
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                  {map.industries.map((i, n) => (
                    <Table.Summary.Cell key={i.code} index={n + 1}>
                      {cellButton(i, map.scope.district ?? undefined, i.code)}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={map.industries.length + 1}>
                    {cellButton(map.total, map.scope.district ?? undefined, undefined)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
              数字化等级以现场评估或验收测评认定的等级为准，仅有自评或尚未评估的企业计为“未评定”；平均等级只计已评定企业。区县边界为示意图。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>

      <CellDrawer selection={selection} query={query} narrow={narrow} batchName={batchName} onClose={() => setSelection(null)} />
    </Spin>
  );
}

/** The enterprises of the chosen cell, a page at a time. */
function CellDrawer({
  selection,
  query,
  narrow,
  batchName,
  onClose,
}: {
  selection: Selection | null;
  query: { batch?: string; level?: string };
  narrow: boolean;
  batchName: Map<string, string>;
  onClose: () => void;
}) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Wire<Page<IndustryMapEnterpriseView>> | null>(null);
  const [loading, setLoading] = useState(false);
  const pageSize = 20;

  useEffect(() => setPage(1), [selection]);
  useEffect(() => {
    if (!selection) return;
    setLoading(true);
    api
      .get('/indicators/industry-map/enterprises', {
        district: selection.district,
        industry: selection.industry,
        batch: query.batch,
        level: query.level,
        page,
        pageSize,
      })
      .then(setData, showError)
      .finally(() => setLoading(false));
  }, [selection, page, query.batch, query.level]);

  return (
    <Drawer
      open={!!selection}
      onClose={onClose}
      width={narrow ? '100%' : 560}
      title={selection ? `${selection.title} 企业名单` : ''}
      destroyOnHidden
    >
      <List<CellEnterprise>
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="cell-enterprises"
        locale={{ emptyText: '该格暂无企业' }}
        pagination={
          data && data.total > pageSize
            ? { current: page, pageSize, total: data.total, onChange: setPage, simple: narrow, size: 'small' }
            : false
        }
        header={data ? <Typography.Text type="secondary">共 {data.total} 家</Typography.Text> : null}
        renderItem={(e) => (
          <List.Item
            actions={[
              <Link key="diagnoses" to={`/enterprises/${e.id}/diagnoses`}>
                评估诊断
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={e.name}
              description={
                <Space size={4} wrap>
                  {e.digitalLevel !== null ? <Tag color="blue">{LEVEL_NAMES[e.digitalLevel]}</Tag> : <Tag>未评定</Tag>}
                  {e.selfCheckLevel !== null && <Tag>{`自评${LEVEL_NAMES[e.selfCheckLevel]}`}</Tag>}
                  <Tag color={e.pilotBatch ? 'gold' : 'default'}>{batchName.get(e.pilotBatch ?? 'none') ?? e.pilotBatch}</Tag>
                  <Tag>{SCALE_NAMES[e.scale] ?? e.scale}</Tag>
                  {e.isSpecialised && <Tag color="purple">专精特新</Tag>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
