import { Alert, Button, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ADVISORY_REASON_NAMES, DIAGNOSIS_KIND_NAMES, needFormLink } from '../diagnosis';
import type { Diagnosis } from '../diagnosis';
import { formatTime } from '../format';
import { LEVEL_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { Chart } from './Chart';

/** One diagnosis: score, level, official or advisory, dimension scores, weakest items and suggested needs. */
export function DiagnosisResult({ diagnosis, canPublishNeeds }: { diagnosis: Diagnosis; canPublishNeeds: boolean }) {
  const taxonomy = useTaxonomy();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      // The legend in its own band above the bars' value labels; long dimension names wrap instead of overlapping.
      legend: { data: ['得分', '满分'], top: 0, right: 0 },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: diagnosis.dimensions.map((d) => d.title),
        axisLabel: { interval: 0, width: 72, overflow: 'break' },
      },
      yAxis: { type: 'value' },
      series: [
        { name: '得分', type: 'bar', data: diagnosis.dimensions.map((d) => d.score), label: { show: true, position: 'top' } },
        { name: '满分', type: 'bar', data: diagnosis.dimensions.map((d) => d.maxScore), itemStyle: { color: '#d9d9d9' } },
      ],
    }),
    [diagnosis],
  );

  return (
    <Card title="诊断结果" data-testid="diagnosis-result">
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label="总分">
          <Typography.Text strong data-testid="diagnosis-score">
            {diagnosis.score} / 100
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="数字化水平">
          <Tag color="blue" data-testid="diagnosis-level">
            {LEVEL_NAMES[diagnosis.level] ?? diagnosis.level}
          </Tag>
          {diagnosis.belowLevelOne && <Tag color="red">低于一级下限（20分）</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="类型">
          {DIAGNOSIS_KIND_NAMES[diagnosis.kind]} · {diagnosis.official ? <Tag color="green">已认定水平</Tag> : <Tag>仅供参考</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="时间">{formatTime(diagnosis.createdAt)}</Descriptions.Item>
      </Descriptions>
      {!diagnosis.official && (
        <Alert
          type="info"
          showIcon
          style={{ margin: '12px 0' }}
          message="本次诊断未改变企业的认定水平"
          description={diagnosis.advisoryReason ? ADVISORY_REASON_NAMES[diagnosis.advisoryReason] : undefined}
        />
      )}
      <Chart option={option} height={260} />
      <Typography.Title level={5}>最薄弱环节</Typography.Title>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={diagnosis.weakest}
        columns={[
          { title: '指标/场景', dataIndex: 'title' },
          { title: '分组', dataIndex: 'group' },
          {
            title: '达成',
            render: (_, w) => (w.kind === 'scene' ? `${w.level}级 / 4级` : `${w.score} / ${w.maxScore}分`),
          },
          { title: '达成比例', dataIndex: 'share', render: (s: number) => `${Math.round(s * 1000) / 10}%` },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        建议发布的需求（个性需求）
      </Typography.Title>
      <List
        dataSource={diagnosis.suggestions}
        locale={{ emptyText: '暂无建议' }}
        renderItem={(s) => (
          <List.Item
            data-testid="diagnosis-suggestion"
            actions={
              canPublishNeeds
                ? [
                    <Link key="publish" to={needFormLink(s)}>
                      <Button size="small">据此发布需求</Button>
                    </Link>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={s.title}
              description={
                <Space direction="vertical" size={2}>
                  <span>{s.description}</span>
                  <span>
                    {s.scenarios.map((c) => (
                      <Tag key={c}>{taxonomy.name('scenarios', c)}</Tag>
                    ))}
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
