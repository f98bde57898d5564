import { FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import type { Project } from '../api';
import { hasRole, isMemberOf, useUser } from '../auth';
import { showError } from '../components/feedback';
import { DocumentChecklist } from '../components/DocumentChecklist';
import { Acceptances, Milestones, MonitoringReports, ServiceLog } from '../components/ProjectSections';
import { ProjectRatingPanel } from '../components/ProjectRatingPanel';
import { formatFen, formatTime } from '../format';
import { LEVEL_NAMES, OPEN_PROJECT_STATUSES, PROJECT_STATUS_COLORS, PROJECT_STATUS_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';

/**
 * 改造项目 page: the parties, the contract price (with 人民币大写) and its contract,
 * milestones and the 服务跟踪 log (the parties write them), 过程监测 reports and the
 * 验收测评 (assessors file them).
 */
export default function ProjectDetailPage() {
  const { id } = useParams();
  const user = useUser();
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  const [project, setProject] = useState<Project | null>(null);
  const [missing, setMissing] = useState(false);
  const [opening, setOpening] = useState<'html' | 'pdf' | null>(null);
  const [activeTab, setActiveTab] = useState('overview');

  const load = useCallback(() => {
    api.get('/projects/:id', { id: id! }).then(setProject, (e) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else showError(e);
    });
  }, [id]);
  useEffect(load, [load]);

  if (missing)
    return <Result status="404" title="项目不存在或无权查看" extra={<Button onClick={() => navigate('/projects')}>返回改造项目</Button>} />;
  if (!project) return <Spin />;

  const party = isMemberOf(user, project.enterpriseId) || isMemberOf(user, project.providerId);
  const assessor = hasRole(user, 'assessor');
  const open = OPEN_PROJECT_STATUSES.includes(project.status);

  const contract = async (format: 'html' | 'pdf') => {
    setOpening(format);
    try {
      await api.openDocument(`/projects/${project.id}/contract`, format === 'pdf' ? { format: 'pdf' } : undefined);
    } catch (e) {
      showError(e);
    } finally {
      setOpening(null);
    }
  };

  const overview = (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="合同编号">{project.contractNo}</Descriptions.Item>
        <Descriptions.Item label="来源需求">
          <Link to={`/needs/${project.needId}`}>查看需求与投标</Link>
        </Descriptions.Item>
        <Descriptions.Item label="甲方（需求企业）">{project.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label="乙方（服务商）">
          <Link to={`/providers/${project.providerId}`}>{project.providerName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label="合同金额" span={2}>
          <Space wrap>
            <Typography.Text strong style={{ color: '#cf1322' }} data-testid="project-price">
              {formatFen(project.priceFen)}
            </Typography.Text>
            {project.priceInWords && (
              <Typography.Text data-testid="project-price-words">（人民币大写：{project.priceInWords}）</Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="工期">{project.deliveryDays} 天</Descriptions.Item>
        <Descriptions.Item label="起止日期">
          {project.startDate} ~ {project.plannedEndDate}
        </Descriptions.Item>
        <Descriptions.Item label="行业 / 区县">
          {taxonomy.name('industries', project.industry)} / {taxonomy.name('districts', project.district)}
        </Descriptions.Item>
        <Descriptions.Item label="改造前数字化水平">{project.levelBefore ? LEVEL_NAMES[project.levelBefore] : '未评估'}</Descriptions.Item>
        {project.solutionId && (
          <Descriptions.Item label="关联方案">
            <Link to={`/solutions/${project.solutionId}`}>查看方案</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="立项时间">{formatTime(project.createdAt)}</Descriptions.Item>
        {project.acceptedAt && <Descriptions.Item label="验收通过">{formatTime(project.acceptedAt)}</Descriptions.Item>}
        {project.cancelledAt && <Descriptions.Item label="终止时间">{formatTime(project.cancelledAt)}</Descriptions.Item>}
      </Descriptions>
      <Card size="small" title="实施范围（中标方案）">
        <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 0 }}>
          {project.scope}
        </Typography.Paragraph>
      </Card>
    </Space>
  );

  return (
    <Card
      title={
        <Space wrap>
          <span>{project.title}</span>
          <Tag color={PROJECT_STATUS_COLORS[project.status]}>{PROJECT_STATUS_NAMES[project.status] ?? project.status}</Tag>
        </Space>
      }
      extra={
        <Space>
          <Button icon={<FileTextOutlined />} loading={opening === 'html'} onClick={() => contract('html')} data-testid="contract-html">
            查看合同
          </Button>
          <Button icon={<FilePdfOutlined />} loading={opening === 'pdf'} onClick={() => contract('pdf')}>
            合同 PDF
          </Button>
        </Space>
      }
    >
      {project.status === 'rework' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="上一轮验收未通过，项目整改中；整改完成后由评估机构再次验收。"
        />
      )}
      {project.status === 'accepted' && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} message="项目已通过验收，已列入服务商成果案例。" />
      )}
      <Tabs
        activeKey={activeTab}
        onChange={setActiveTab}
        items={[
          { key: 'overview', label: '项目概况', children: overview },
          {
            key: 'milestones',
            label: `里程碑（${project.milestones.length}）`,
            children: <Milestones project={project} canPlan={party && open} onChanged={load} />,
          },
          { key: 'logs', label: '服务跟踪', children: <ServiceLog project={project} canWrite={party && open} /> },
          {
            key: 'reports',
            label: `过程监测（${project.reports.length}）`,
            children: <MonitoringReports project={project} canFile={assessor && open} onChanged={load} />,
          },
          {
            key: 'acceptance',
            label: `验收测评（${project.acceptances.length}）`,
            children: <Acceptances project={project} canAccept={assessor && open} onChanged={load} />,
          },
          { key: 'rating', label: '项目评价', children: <ProjectRatingPanel project={project} /> },
          {
            key: 'documents',
            label: '验收材料',
            children: <DocumentChecklist ownerPath="projects" ownerId={project.id} title="验收材料（测试报告、数据贯通证明）" />,
          },
        ]}
      />
    </Card>
  );
}
