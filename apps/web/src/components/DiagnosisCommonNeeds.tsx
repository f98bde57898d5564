import { Button, Card, Form, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import type { CommonNeedsReport } from '../diagnosis';
import { DIAGNOSIS_KIND_NAMES } from '../diagnosis';
import { formatDate } from '../format';
import { LEVEL_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { showError } from './feedback';

/** 共性需求 / 个性需求 of one industry (officers, assessors). */
export function DiagnosisCommonNeeds() {
  const taxonomy = useTaxonomy();
  const [report, setReport] = useState<CommonNeedsReport | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (v: { industry: string; district?: string; minShare?: number }) => {
    setBusy(true);
    try {
      setReport(await api.get('/diagnoses/common-needs', { ...v, pageSize: 50 }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Form layout="inline" name="commonNeeds" onFinish={load} initialValues={{ minShare: 0.3 }}>
          <Form.Item name="industry" label="行业" rules={[{ required: true, message: '请选择行业' }]}>
            <Select style={{ width: 220 }} options={taxonomy.options('industries')} showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="district" label="区县">
            <Select style={{ width: 160 }} allowClear options={taxonomy.options('districts')} />
          </Form.Item>
          <Form.Item name="minShare" label="共性比例不低于">
            <InputNumber min={0} max={1} step={0.1} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            查询
          </Button>
        </Form>
      </Card>
      {report && (
        <>
          <Card title={`${report.industry.name} · 共性需求（已诊断企业 ${report.diagnosedEnterprises} 家）`} size="small">
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={report.commonNeeds}
              locale={{ emptyText: '暂无共性需求（至少两家企业共有的薄弱环节）' }}
              columns={[
                { title: '薄弱环节', dataIndex: 'title' },
                { title: '分组', dataIndex: 'group' },
                { title: '企业数', dataIndex: 'count' },
                { title: '占比', dataIndex: 'share', render: (s: number) => `${Math.round(s * 1000) / 10}%` },
                {
                  title: '建议需求',
                  render: (_, c) =>
                    c.need ? (
                      <span>
                        {c.need.title}{' '}
                        {c.need.scenarios.map((s) => (
                          <Tag key={s}>{taxonomy.name('scenarios', s)}</Tag>
                        ))}
                      </span>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Card>
          <Card title={`个性需求（${report.individualNeeds.total} 家企业，得分由低到高）`} size="small">
            <List
              dataSource={report.individualNeeds.items}
              renderItem={(e) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space>
                        {e.enterpriseName}
                        <Tag>{taxonomy.name('districts', e.district)}</Tag>
                        <Tag color="blue">{LEVEL_NAMES[e.level]}</Tag>
                        <span>{e.score}分</span>
                        <Typography.Text type="secondary">
                          {DIAGNOSIS_KIND_NAMES[e.kind]} · {formatDate(e.diagnosedAt)}
                        </Typography.Text>
                      </Space>
                    }
                    description={e.needs.length ? e.needs.map((n) => n.title).join('；') : '无共性之外的需求'}
                  />
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
