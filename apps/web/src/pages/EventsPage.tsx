import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api';
import type { Page } from '../api';
import { hasRole, useViewer } from '../auth';
import { usePageMeta } from '../usePageMeta';
import { showError } from '../components/feedback';
import type { MatchmakingEvent } from '../events';
import { formatTime } from '../format';
import { EVENT_STATUS_COLORS, EVENT_STATUS_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { ResponsiveTable } from '../components/ResponsiveTable';

const PAGE_SIZE = 20;
const STATUS_TABS = ['', 'registration_open', 'registration_closed', 'scheduled', 'published', 'completed', 'draft', 'cancelled'];

/** 供需对接活动: every event past draft (and the organiser's own drafts), latest first; organisers create new ones. */
export default function EventsPage() {
  const user = useViewer();
  usePageMeta('供需对接活动', '沈阳中小企业数字化转型供需对接活动：活动时间地点、报名与一对一洽谈安排。');
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  const organiser = hasRole(user, 'organizer');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<MatchmakingEvent> | null>(null);

  useEffect(() => {
    setData(null);
    api.get('/events', { status, page, pageSize: PAGE_SIZE }).then(setData, (e) => {
      showError(e);
      setData({ items: [], total: 0, page, pageSize: PAGE_SIZE });
    });
  }, [status, page]);

  // Drafts exist only for their organiser (and overseers): others never see that tab.
  const tabs = STATUS_TABS.filter((s) => s !== 'draft' || organiser || hasRole(user, 'city_officer', 'admin'));

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          供需对接活动
        </Typography.Title>
        {organiser && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/events/new')} data-testid="event-create">
            创建活动
          </Button>
        )}
      </Space>
      <Card>
        <Tabs
          activeKey={status}
          onChange={(key) => {
            setStatus(key);
            setPage(1);
          }}
          items={tabs.map((s) => ({ key: s, label: s ? EVENT_STATUS_NAMES[s] : '全部' }))}
        />
        <ResponsiveTable<MatchmakingEvent>
          rowKey="id"
          loading={!data}
          dataSource={data?.items ?? []}
          data-testid="event-list"
          locale={{
            emptyText: (
              <Empty description={organiser ? '暂无活动，点击“创建活动”发起一场供需对接会' : '暂无供需对接活动，敬请关注组织方发布'} />
            ),
          }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 场` }}
          columns={[
            {
              title: '活动名称',
              dataIndex: 'title',
              render: (title: string, row) => (
                <Link to={`/events/${row.id}`} data-testid="event-link">
                  {title}
                </Link>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={EVENT_STATUS_COLORS[s]}>{EVENT_STATUS_NAMES[s] ?? s}</Tag>,
            },
            { title: '开始时间', dataIndex: 'startsAt', render: (t: string) => formatTime(t) },
            { title: '行业', dataIndex: 'industry', render: (c: string) => taxonomy.name('industries', c) },
            { title: '区县', dataIndex: 'district', render: (c: string) => taxonomy.name('districts', c) },
            { title: '地点', render: (_, row) => (row.online ? <Tag>线上</Tag> : (row.venue ?? '—')) },
            {
              title: '已通过报名（企业 / 服务商）',
              render: (_, row) =>
                `${row.registrations.enterprises.approved}/${row.capacityEnterprises} · ${row.registrations.providers.approved}/${row.capacityProviders}`,
            },
          ]}
        />
      </Card>
    </>
  );
}
