import { Alert, Button, Descriptions, Empty, Form, Input, Radio, Rate, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { Project } from '../api';
import { hasRole, isMemberOf, useUser } from '../auth';
import { formatTime } from '../format';
import { RATING_STATUS_NAMES } from '../ratings';
import type { Rating } from '../ratings';
import { showError, showSuccess } from './feedback';

/**
 * A project's rating (评价): the enterprise rates after the acceptance, the provider replies
 * once, either side appeals within 15 days, the district officer decides the appeal.
 */
export function ProjectRatingPanel({ project }: { project: Project }) {
  const user = useUser();
  const [rating, setRating] = useState<Rating | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const enterprise = isMemberOf(user, project.enterpriseId);
  const provider = isMemberOf(user, project.providerId);
  const officer = user.roles.some((g) => g.role === 'district_officer' && g.district === project.district);

  const load = useCallback(() => {
    api
      .get('/ratings', { projectId: project.id })
      .then((r) => setRating(r.items[0] ?? null), showError)
      .finally(() => setLoaded(true));
  }, [project.id]);
  useEffect(load, [load]);

  const act = (request: () => Promise<Rating>, done: string) => {
    setBusy(true);
    request()
      .then((r) => {
        setRating(r);
        showSuccess(done);
      }, showError)
      .finally(() => setBusy(false));
  };

  if (!loaded) return null;
  if (!rating) {
    if (!project.acceptances.length) return <Empty description="验收测评完成后，企业可对项目进行评价" />;
    if (!enterprise) return <Empty description="企业尚未评价" />;
    return (
      <Form
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={(v: { quality: number; timeliness: number; service: number; text?: string }) =>
          act(() => api.post('/projects/:id/rating', { id: project.id }, v), '评价已提交')
        }
      >
        <Form.Item name="quality" label="质量" rules={[{ required: true, message: '请评分' }]}>
          <Rate />
        </Form.Item>
        <Form.Item name="timeliness" label="及时性" rules={[{ required: true, message: '请评分' }]}>
          <Rate />
        </Form.Item>
        <Form.Item name="service" label="服务" rules={[{ required: true, message: '请评分' }]}>
          <Rate />
        </Form.Item>
        <Form.Item name="text" label="评价内容">
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交评价
        </Button>
      </Form>
    );
  }

  const canAppeal = (enterprise || provider) && rating.status === 'published' && Date.now() <= Date.parse(rating.appealDeadline);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="质量">
          <Rate disabled value={rating.quality} />
        </Descriptions.Item>
        <Descriptions.Item label="及时性">
          <Rate disabled value={rating.timeliness} />
        </Descriptions.Item>
        <Descriptions.Item label="服务">
          <Rate disabled value={rating.service} />
        </Descriptions.Item>
        <Descriptions.Item label="综合">{rating.score.toFixed(2)} 分</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={rating.status === 'removed' ? 'red' : rating.status === 'appealed' ? 'orange' : 'green'}>
            {RATING_STATUS_NAMES[rating.status]}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="评价时间">{formatTime(rating.ratedAt)}</Descriptions.Item>
        <Descriptions.Item label="评价内容" span={2}>
          {rating.text ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="服务商回复" span={2}>
          {rating.reply ?? '—'}
        </Descriptions.Item>
        {rating.appeal && (
          <Descriptions.Item label="申诉" span={2}>
            {rating.appeal.side === 'enterprise' ? '企业' : '服务商'}：{rating.appeal.reason}
            {rating.appeal.decision && (
              <Typography.Paragraph style={{ margin: 0 }}>
                区县意见（{rating.appeal.decision === 'remove' ? '移除' : '保留'}）：{rating.appeal.decisionReason}
              </Typography.Paragraph>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      {provider && rating.reply === null && rating.status !== 'removed' && (
        <Form
          layout="inline"
          onFinish={(v: { text: string }) => act(() => api.post('/ratings/:id/reply', { id: rating.id }, v), '回复已发布')}
        >
          <Form.Item name="text" rules={[{ required: true, message: '请填写回复' }]} style={{ flex: 1 }}>
            <Input placeholder="回复评价（只能回复一次）" maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            回复
          </Button>
        </Form>
      )}
      {canAppeal && (
        <Form
          layout="inline"
          onFinish={(v: { reason: string }) => act(() => api.post('/ratings/:id/appeal', { id: rating.id }, v), '申诉已提交区县工信部门')}
        >
          <Form.Item name="reason" rules={[{ required: true, message: '请填写申诉理由' }]} style={{ flex: 1 }}>
            <Input placeholder={`申诉理由（${formatTime(rating.appealDeadline)} 前）`} maxLength={1000} />
          </Form.Item>
          <Button danger htmlType="submit" loading={busy}>
            申诉
          </Button>
        </Form>
      )}
      {officer && hasRole(user, 'district_officer') && rating.status === 'appealed' && (
        <Form
          layout="vertical"
          style={{ maxWidth: 560 }}
          onFinish={(v: { decision: 'uphold' | 'remove'; reason: string }) =>
            act(() => api.post('/ratings/:id/appeal/decision', { id: rating.id }, v), '申诉已处理')
          }
        >
          <Alert type="warning" showIcon message="该评价被申诉，请核实后处理" style={{ marginBottom: 12 }} />
          <Form.Item name="decision" label="处理结果" rules={[{ required: true, message: '请选择' }]}>
            <Radio.Group
              options={[
                { value: 'uphold', label: '申诉不成立，保留评价' },
                { value: 'remove', label: '申诉成立，移除评价' },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交处理意见
          </Button>
        </Form>
      )}
    </Space>
  );
}
