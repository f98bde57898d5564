import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Progress,
  Result,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { LineChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, toQueryString } from '../api';
import { hasRole, useUser } from '../auth';
import { Chart } from '../components/Chart';
import { showError } from '../components/feedback';
import { formatDate, formatTime } from '../format';
import { useTaxonomy } from '../taxonomy';
import { useUrlState } from '../useUrlState';
import type {
  IndicatorDimension,
  IndicatorFigure as IndicatorFigureView,
  IndicatorKey,
  IndicatorsReport as IndicatorsReportView,
  Wire,
} from '@smedx/contracts';

// The shared chart registers bars and pies; the trend line is drawn only here.
echarts.use([LineChart]);

// ---- The answer of GET /indicators ----

type IndicatorFigure = Wire<IndicatorFigureView>;
type Dimension = IndicatorDimension;
type IndicatorsReport = Wire<IndicatorsReportView>;

const PLAN_START = '2024-01';
const PLAN_END = '2025-12';
const DIMENSION_LABELS: Record<Dimension, string> = { industry: '按行业', district: '按区县', batch: '按试点批次' };

/** Months from the plan's start to the later of its end and this month, as `YYYY-MM` options. */
function monthOptions(): { value: string; label: string }[] {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const now = new Date();
  const last = Math.max(index(PLAN_END), now.getFullYear() * 12 + now.getMonth());
  const out: { value: string; label: string }[] = [];
  for (let i = index(PLAN_START); i <= last; i++) {
    const [year, month] = [Math.floor(i / 12), (i % 12) + 1];
    out.push({ value: `${year}-${String(month).padStart(2, '0')}`, label: `${year}年${month}月` });
  }
  return out;
}

function FigureCard({ figure: f }: { figure: IndicatorFigure }) {
  const progress = f.shareOfTarget === null ? null : Math.round(f.shareOfTarget * 1000) / 10;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={
        <Tooltip title={f.name}>
          <span>{f.shortName}</span>
        </Tooltip>
      }
      extra={
        <Space size={4}>
          {f.coverage === 'partial' && <Tag color="orange">下限</Tag>}
          {f.coverage === 'none' && <Tag>暂未记录</Tag>}
          <Tooltip title={f.basis}>
            <InfoCircleOutlined aria-label="统计口径" />
          </Tooltip>
        </Space>
      }
      data-testid={`indicator-${f.key}`}
    >
      {f.value === null ? (
        <Statistic value="暂无数据" valueStyle={{ color: 'rgba(0, 0, 0, 0.45)' }} />
      ) : (
        <Statistic value={f.value} precision={f.kind === 'share' ? 2 : 0} suffix={f.unit} />
      )}
      <Typography.Text type="secondary">目标：{f.targetText}</Typography.Text>
      {f.kind === 'share' && f.denominator !== null && (
        <Typography.Text type="secondary">
          （{f.numerator} / {f.denominator} 家）
        </Typography.Text>
      )}
      {progress !== null && (
        <Progress percent={Math.min(100, progress)} format={() => `${progress}%`} status={f.met ? 'success' : 'active'} />
      )}
      {f.note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {f.note}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** 指标体系: the plan's targets against live figures, by industry, district and batch, over time; with the spreadsheet export. */
export default function IndicatorsPage() {
  const user = useUser();
  const taxonomy = useTaxonomy();
  const url = useUrlState();
  const cityWide = hasRole(user, 'city_officer', 'admin');
  const query = useMemo(
    () => ({
      industry: url.get('industry') || undefined,
      district: url.get('district') || undefined,
      batch: url.get('batch') || undefined,
      period: url.get('period') || 'month',
      from: url.get('from') || undefined,
      to: url.get('to') || undefined,
    }),
    [url],
  );
  const queryString = toQueryString(query);
  const [report, setReport] = useState<IndicatorsReport | null>(null);
  const [loading, setLoading] = useState(true);
  const [forbidden, setForbidden] = useState(false);
  const [dimension, setDimension] = useState<Dimension>('industry');
  const [breakdownKey, setBreakdownKey] = useState<IndicatorKey>('above_scale_level2_share');
  const [trendKey, setTrendKey] = useState<IndicatorKey>('above_scale_level2_share');

  useEffect(() => {
    setLoading(true);
    api
      .get('/indicators', query)
      .then(setReport, (e) => {
        if (e instanceof ApiError && e.status === 403) setForbidden(true);
        else showError(e);
      })
      .finally(() => setLoading(false));
  }, [queryString]);

  const recorded = useMemo(() => (report?.indicators ?? []).filter((f) => f.coverage !== 'none'), [report]);
  const months = useMemo(monthOptions, []);

  const breakdownChart = useMemo<EChartsCoreOption | null>(() => {
    const breakdown = report?.breakdowns.find((b) => b.dimension === dimension);
    const figure = report?.indicators.find((f) => f.key === breakdownKey);
    if (!breakdown || !figure) return null;
    const cells = breakdown.rows.map((r) => r.values[breakdownKey]!);
    if (cells.every((c) => c.value === null)) return null;
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}${figure.unit}` : '暂无数据'),
      },
      grid: { left: 56, right: 24, top: 32, bottom: 88 },
      xAxis: { type: 'category', data: breakdown.rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: {
        type: 'value',
        name: figure.unit,
        max: figure.kind === 'share' ? 100 : undefined,
        minInterval: figure.kind === 'count' ? 1 : undefined,
      },
      series: [
        {
          name: figure.shortName,
          type: 'bar',
          barMaxWidth: 40,
          data: cells.map((c) => c.value),
          label: { show: true, position: 'top', formatter: ({ value }: { value: number | null }) => (value === null ? '' : String(value)) },
        },
      ],
    };
  }, [report, dimension, breakdownKey]);

  const trendChart = useMemo<EChartsCoreOption | null>(() => {
    const line = report?.series.lines.find((l) => l.key === trendKey);
    if (!report || !line || line.values.every((v) => v.value === null)) return null;
    // The line starts where the data starts: the months before the first figure (no record yet, or the
    // zeros of a platform without enterprises) are left out, not drawn as a flat 0 that then jumps.
    const first = Math.max(
      0,
      line.values.findIndex((v) => v.value !== null && v.value !== 0),
    );
    const labels = report.series.buckets.slice(first).map((b) => b.label);
    const values = line.values.slice(first).map((v) => v.value);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}${line.unit}` : '—') },
      legend: { top: 0, data: line.target === null ? [line.shortName] : [line.shortName, '目标'] },
      grid: { left: 56, right: 24, top: 56, bottom: 32 },
      xAxis: { type: 'category', data: labels, boundaryGap: false },
      yAxis: { type: 'value', name: line.unit, max: line.unit === '%' ? 100 : undefined, minInterval: line.unit === '%' ? undefined : 1 },
      series: [
        { name: line.shortName, type: 'line', data: values, connectNulls: false, symbolSize: 6 },
        ...(line.target === null
          ? []
          : [
              {
                name: '目标',
                type: 'line',
                data: labels.map(() => line.target),
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#bfbfbf' },
              },
            ]),
      ],
    };
  }, [report, trendKey]);

  if (forbidden) return <Result status="403" title="无权查看" subTitle="指标体系仅向市工信局、区县工信部门和平台管理员开放。" />;
  if (!report) return loading ? <Spin /> : <Empty description="暂无指标数据" />;

  const scopeName = report.scope.districtName ?? '全市';
  const exportName = `指标体系-${scopeName}-${formatDate(report.asOf)}.xlsx`;
  const indicatorOptions = recorded.map((f) => ({ value: f.key, label: f.shortName }));

  return (
    <Spin spinning={loading}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space align="baseline">
          <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
            指标体系
          </Typography.Title>
          <Tag color="blue">{scopeName}</Tag>
          <Typography.Text type="secondary">数据截至 {formatTime(report.asOf)}</Typography.Text>
        </Space>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => api.download(`/indicators/export.xlsx${queryString}`, exportName).catch(showError)}
        >
          导出 Excel
        </Button>
      </Space>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            placeholder="行业（全部“3+N”）"
            style={{ width: 220 }}
            options={taxonomy.options('industries')}
            value={query.industry}
            onChange={(v) => url.set({ industry: v })}
          />
          <Select
            allowClear={cityWide}
            disabled={!cityWide}
            placeholder="区县（全市）"
            style={{ width: 160 }}
            options={taxonomy.options('districts')}
            value={cityWide ? query.district : (report.scope.district ?? undefined)}
            onChange={(v) => url.set({ district: v })}
          />
          <Select
            allowClear
            placeholder="试点批次（全部）"
            style={{ width: 180 }}
            options={taxonomy.options('pilotBatches')}
            value={query.batch}
            onChange={(v) => url.set({ batch: v })}
          />
          <Segmented
            value={query.period}
            options={[
              { value: 'month', label: '按月' },
              { value: 'quarter', label: '按季度' },
            ]}
            onChange={(v) => url.set({ period: v === 'month' ? undefined : String(v) })}
          />
          <Select
            style={{ width: 130 }}
            options={months}
            value={report.series.from}
            onChange={(v) => url.set({ from: v })}
            aria-label="起始月份"
          />
          <Typography.Text type="secondary">至</Typography.Text>
          <Select
            style={{ width: 130 }}
            options={months}
            value={report.series.to}
            onChange={(v) => url.set({ to: v })}
            aria-label="截止月份"
          />
        </Space>
      </Card>

      <Row gutter={[16, 16]}>
        {report.indicators.map((f) => (
          <Col key={f.key} xs={24} sm={12} lg={8} xl={6}>
            <FigureCard figure={f} />
          </Col>
        ))}

        <Col xs={24} xl={12}>
          <Card
            title="分布情况"
            extra={
              <Space wrap>
                <Segmented
                  value={dimension}
                  options={(Object.keys(DIMENSION_LABELS) as Dimension[]).map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))}
                  onChange={(v) => setDimension(v as Dimension)}
                />
                <Select style={{ width: 200 }} options={indicatorOptions} value={breakdownKey} onChange={setBreakdownKey} />
              </Space>
            }
          >
            {breakdownChart ? <Chart option={breakdownChart} /> : <Empty description={`该指标不${DIMENSION_LABELS[dimension]}统计`} />}
          </Card>
        </Col>

        <Col xs={24} xl={12}>
          <Card
            title={report.series.period === 'month' ? '月度趋势（期末累计）' : '季度趋势（期末累计）'}
            extra={<Select style={{ width: 200 }} options={indicatorOptions} value={trendKey} onChange={setTrendKey} />}
          >
            {trendChart ? (
              <Chart option={trendChart} />
            ) : (
              <Empty description={report.series.lines.find((l) => l.key === trendKey)?.note ?? '所选区间暂无数据'} />
            )}
          </Card>
        </Col>
      </Row>
      {report.indicators.some((f) => f.coverage === 'none') && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message="部分指标暂无数据"
          description="数字化车间及智能工厂、示范标杆的申报与评选尚未在平台上线，平台不作估算；创新型中小企业目前只统计专精特新企业，为下限。"
        />
      )}
    </Spin>
  );
}
