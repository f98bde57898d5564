import { Badge, Button, Card, Table, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { Job, JobState, Page } from '../api';
import { showError, showSuccess } from '../components/feedback';
import { formatTime } from '../format';
import { JOB_KIND_NAMES, JOB_STATE_NAMES } from '../labels';

const STATES: JobState[] = ['dead', 'pending', 'processing', 'dispatched', 'done'];
const PAGE_SIZE = 20;

/** 后台任务: outbox jobs by state; dead ones can be run again. */
export default function AdminJobsPage() {
  const [state, setState] = useState<JobState>('dead');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<(Page<Job> & { counts?: Record<string, number> }) | null>(null);

  const load = useCallback(() => {
    setData(null);
    api.get('/admin/jobs', { state, page, pageSize: PAGE_SIZE }).then(setData, showError);
  }, [state, page]);
  useEffect(load, [load]);

  const retry = async (job: Job) => {
    try {
      await api.post('/admin/jobs/:id/retry', { id: String(job.id) });
      showSuccess(`任务 #${job.id} 已重新排队`);
      load();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Typography.Title level={3} className="page-title">
        后台任务
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={state}
          onChange={(key) => {
            setState(key as JobState);
            setPage(1);
          }}
          items={STATES.map((s) => ({
            key: s,
            label: (
              <Badge
                count={data?.counts?.[s] ?? 0}
                overflowCount={9999}
                size="small"
                color={s === 'dead' ? 'red' : 'blue'}
                offset={[10, -2]}
              >
                {JOB_STATE_NAMES[s]}
              </Badge>
            ),
          }))}
        />
        <Table<Job>
          rowKey="id"
          size="small"
          loading={!data}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个` }}
          expandable={{
            expandedRowRender: (job) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(job.payload, null, 2)}</pre>,
          }}
          columns={[
            { title: '#', dataIndex: 'id', width: 80 },
            {
              title: '任务',
              dataIndex: 'job',
              render: (job: string) => <span title={job}>{JOB_KIND_NAMES[job] ?? job}</span>,
            },
            { title: '尝试次数', dataIndex: 'attempts', width: 90 },
            { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => formatTime(t) },
            { title: '完成时间', dataIndex: 'completedAt', render: (t: string | null) => formatTime(t) },
            { title: '最近错误', dataIndex: 'lastError', ellipsis: true, render: (e: string | null) => e ?? '—' },
            ...(state === 'dead'
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, job: Job) => (
                      <Button size="small" type="primary" onClick={() => retry(job)}>
                        重试
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
