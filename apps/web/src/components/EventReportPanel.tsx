import { Card, Col, Empty, Row, Spin, Statistic, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { arrivalSeries } from '../events';
import type { EventReport, MatchmakingEvent, MeetingKind } from '../events';
import { MEETING_KIND_NAMES } from '../labels';
import { Chart } from './Chart';
import { showError } from './feedback';

const STAGE_NAMES: Record<string, string> = {
  proposed: '排程建议',
  scheduled: '排定',
  held: '实际洽谈',
  intent: '合作意向',
  contract: '签约',
};
const STAGE_COLORS = ['#91caff', '#1677ff', '#13c2c2', '#faad14', '#52c41a'];

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** 活动报告 (the organiser and officers): registrations and check-ins, arrivals by time, the meeting funnel, figures per kind, no-shows. */
export function EventReportPanel({ event }: { event: MatchmakingEvent }) {
  const [report, setReport] = useState<EventReport | null>(null);

  useEffect(() => {
    api.get('/events/:id/report', { id: event.id }).then(setReport, showError);
  }, [event.id, event.status, event.updatedAt]);

  const option = useMemo(
    () =>
      report && {
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 24, top: 24, bottom: 32 },
        xAxis: { type: 'category', data: report.funnel.map((f) => STAGE_NAMES[f.stage] ?? f.stage) },
        yAxis: { type: 'value', minInterval: 1, name: '场' },
        series: [
          {
            type: 'bar',
            barMaxWidth: 56,
            label: { show: true, position: 'top' },
            data: report.funnel.map((f, i) => ({ value: f.count, itemStyle: { color: STAGE_COLORS[i % STAGE_COLORS.length] } })),
          },
        ],
      },
    [report],
  );

  const arrivals = useMemo(() => {
    if (!report?.arrivals.total) return null;
    const series = arrivalSeries(report.arrivals);
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['到场', '累计到场'], top: 0 },
      grid: { left: 40, right: 40, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: series.labels },
      yAxis: [
        { type: 'value', minInterval: 1, name: '人' },
        { type: 'value', minInterval: 1, name: '累计', splitLine: { show: false } },
      ],
      series: [
        { name: '到场', type: 'bar', barMaxWidth: 32, data: series.counts, itemStyle: { color: '#1677ff' } },
        { name: '累计到场', type: 'line', yAxisIndex: 1, data: series.cumulative, itemStyle: { color: '#52c41a' }, smooth: false },
      ],
    };
  }, [report]);

  if (!report) return <Spin />;
  const { registrations: r, meetings: m } = report;

  return (
    <Row gutter={[16, 16]} data-testid="event-report">
      <Col xs={24} md={12}>
        <Card size="small" title="报名与签到">
          <Row gutter={16}>
            <Col span={12}>
              <Statistic
                title="企业（通过 / 报名）"
                value={r.enterprises.approved}
                suffix={`/ ${r.enterprises.approved + r.enterprises.pending + r.enterprises.rejected}`}
              />
            </Col>
            <Col span={12}>
              <Statistic title="企业签到" value={r.enterprises.checkedIn} />
            </Col>
            <Col span={12}>
              <Statistic
                title="服务商（通过 / 报名）"
                value={r.providers.approved}
                suffix={`/ ${r.providers.approved + r.providers.pending + r.providers.rejected}`}
              />
            </Col>
            <Col span={12}>
              <Statistic title="服务商签到" value={r.providers.checkedIn} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="洽谈成效">
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title="排定洽谈" value={m.scheduled} suffix="场" />
            </Col>
            <Col span={8}>
              <Statistic title="合作意向" value={m.intents} />
            </Col>
            <Col span={8}>
              <Statistic title="现场签约" value={m.contracts} />
            </Col>
            <Col span={8}>
              <Statistic title="实际洽谈" value={m.held} />
            </Col>
            <Col span={8}>
              <Statistic title="缺席" value={m.noShows} />
            </Col>
            <Col span={8}>
              <Statistic title="待记录" value={m.pending} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} data-testid="event-arrivals">
        <Card size="small" title={`到场时间分布（每 ${report.arrivals.bucketMinutes} 分钟，共 ${report.arrivals.total} 家签到）`}>
          {arrivals ? <Chart option={arrivals} height={260} /> : <Empty description="尚无签到" />}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title="洽谈漏斗">
          {m.proposed || m.scheduled ? option && <Chart option={option} height={280} /> : <Empty description="尚未排程" />}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title="平台推荐质量">
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title="推荐洽谈" value={report.recommendations.meetings} suffix="场" />
            </Col>
            <Col span={12}>
              <Statistic title="推荐→意向转化" value={percent(report.recommendations.intentRate)} />
            </Col>
            <Col span={12}>
              <Statistic title="推荐洽谈已举行" value={report.recommendations.held} />
            </Col>
            <Col span={12}>
              <Statistic title="举行后意向率" value={percent(report.recommendations.intentRateOfHeld)} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title="按洽谈类型">
          <Table
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={(Object.keys(report.byKind) as MeetingKind[]).map((kind) => ({ kind, ...report.byKind[kind] }))}
            columns={[
              { title: '类型', dataIndex: 'kind', render: (k: string) => MEETING_KIND_NAMES[k] ?? k },
              { title: '洽谈', dataIndex: 'meetings' },
              { title: '举行', dataIndex: 'held' },
              { title: '缺席', dataIndex: 'noShows' },
              { title: '意向', dataIndex: 'intents' },
              { title: '签约', dataIndex: 'contracts' },
              { title: '意向率', dataIndex: 'intentRate', render: percent },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title="服务商缺席">
          <Table
            size="small"
            rowKey="providerId"
            pagination={false}
            dataSource={report.providerNoShows}
            locale={{ emptyText: '无缺席记录' }}
            columns={[
              { title: '服务商', dataIndex: 'providerName' },
              { title: '缺席场次', dataIndex: 'noShows' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
