import { Alert, Anchor, Card, Col, Collapse, Row, Spin, Steps, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { SUBSIDY_CAP_FEN } from '@smedx/contracts/rules/subsidy-estimate.js';
import { formatFen } from '../format';
import { usePageMeta } from '../usePageMeta';

const { Title, Paragraph, Text } = Typography;

/** What the fund supports (第四条), in the plan's own figures. */
const SUPPORT = [
  {
    key: 'transform',
    what: '中小企业数字化改造（先建后补）',
    how: '软件、云服务、网关路由等数据采集传输设备投入的 50%',
    cap: '每家最高 50 万元',
  },
  { key: 'chain', what: '“链式”转型典型案例', how: '获评案例的服务商或企业一次性奖励', cap: '不超过 50 万元' },
  { key: 'product', what: '优秀“小快轻准”产品、SaaS 服务', how: '获评优秀产品的服务商一次性奖励', cap: '不超过 50 万元' },
  { key: 'diagnosis', what: '数字化转型诊断', how: '政府采购诊断服务，企业免费参加', cap: '每家诊断费不高于 0.7 万元' },
  { key: 'acceptance', what: '改造成效监测验收', how: '政府采购第三方监测验收服务', cap: '每家不超过 1 万元' },
];

/**
 * 政策解读: the pilot and its subsidy rules in plain Chinese, for an owner deciding whether to take
 * part; `/policy/official` shows the official text kept in docs/policy (its own chunk).
 */
export default function PolicyPage() {
  const { section } = useParams();
  usePageMeta(
    section === 'official' ? '政策原文' : '政策解读',
    '沈阳市中小企业数字化转型试点：谁能参加、补多少、怎么申报、不予支持的情形，以及专项资金管理办法原文。',
  );
  if (section === 'official') return <OfficialText />;
  return (
    <Row gutter={24}>
      <Col xs={24} lg={18}>
        <Title level={1} className="page-title" style={{ fontSize: 28 }}>
          政策解读：中小企业数字化转型城市试点
        </Title>
        <Paragraph>
          沈阳市是国家中小企业数字化转型试点城市。市里用中央和地方专项资金，支持中小企业用“小快轻准”（小型化、快速化、轻量化、精准化）的数字化产品解决生产经营中的实际难题，并支持服务商和产业链“链主”带动上下游一起转型。本页用通俗的话说明您最关心的几件事；具体以
          <Link to="/policy/official">政策原文</Link>和市工信局发布的申报通知为准。
        </Paragraph>

        <Card id="who" title={<h2 className="portal-card-title">谁能参加</h2>} style={{ marginBottom: 16 }}>
          <Paragraph>
            在沈阳注册、属于试点细分行业的中小企业，都可以在本平台注册、做评估诊断、发布改造需求、选择服务商。进入试点企业库、改造后经测评达到
            <Text strong>数字化水平二级及以上</Text>的企业，可以申请改造补助。
          </Paragraph>
          <Alert
            type="warning"
            showIcon
            message="以下情形不予支持（第六条）"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                <li>已获得中央财政中小企业发展专项资金支持的专精特新“小巨人”企业；</li>
                <li>已纳入 2022 年财政支持中小企业数字化转型试点的改造企业；</li>
                <li>申报材料弄虚作假的，取消资格、收回资金，并三年内不得享受政府财政专项资金（黑名单）。</li>
              </ul>
            }
          />
        </Card>

        <Card id="how-much" title={<h2 className="portal-card-title">补多少</h2>} style={{ marginBottom: 16 }}>
          <Paragraph>
            改造补助实行<Text strong>先建后补</Text>
            ：企业先投入改造，验收达到二级及以上后，按软件、云服务和网关、路由等必要数据采集传输设备投入的 <Text strong>50%</Text>{' '}
            补助，每家最高 <Text strong>{formatFen(SUPPORT_CAP)}</Text>。机器设备、土建、人工等不计入补助基数。
          </Paragraph>
          <Paragraph type="secondary">
            例：软件 60 万元、云服务 20 万元、网关 10 万元，合计可补助基数 90 万元，按 50% 为 45 万元；若可补助基数为 120 万元，按 50% 为 60
            万元，超过上限，补助 50 万元。
          </Paragraph>
          <div className="table-scroll">
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={SUPPORT}
              columns={[
                { title: '支持内容', dataIndex: 'what' },
                { title: '怎么支持', dataIndex: 'how' },
                { title: '标准', dataIndex: 'cap', width: 150 },
              ]}
            />
          </div>
        </Card>

        <Card id="steps" title={<h2 className="portal-card-title">怎么申报</h2>} style={{ marginBottom: 16 }}>
          <Steps
            direction="vertical"
            size="small"
            current={-1}
            items={[
              { title: '注册并评估诊断', description: '在平台注册企业账号，完成数字化水平自评或由诊断机构上门诊断，了解短板。' },
              { title: '发布需求、选择服务商', description: '在需求大厅发布改造需求，收到入库服务商的投标后比选、确定中标方并签订合同。' },
              { title: '实施改造', description: '按里程碑推进，平台记录实施过程；监测机构跟踪成效。' },
              { title: '测评验收', description: '第三方机构对应用成效、数据贯通、投入产出比、管理配套改革进行验收，认定数字化水平。' },
              { title: '申报补助', description: '向所在区县工信部门提交申报材料：区县初审，市工信局复核，通过后拨付。' },
            ]}
          />
          <Paragraph type="secondary" style={{ marginBottom: 0 }}>
            项目内容有重大变化的，要先向区县工信部门提出变更申请，由区县审核后报市工信局备案（第九条）。
          </Paragraph>
        </Card>

        <Collapse
          items={[
            {
              key: 'providers',
              label: '服务商怎样入库？',
              children: (
                <Paragraph style={{ margin: 0 }}>
                  服务商在平台提交营业执照等遴选材料，经市工信局遴选通过后入库，即可上架解决方案、在需求大厅投标、参加供需对接活动。获评优秀“小快轻准”产品或“链式”典型案例的，可获一次性奖励。
                </Paragraph>
              ),
            },
            {
              key: 'fees',
              label: '诊断和验收要企业付费吗？',
              children: (
                <Paragraph style={{ margin: 0 }}>
                  不需要。诊断和监测验收由政府采购的机构提供，费用由专项资金承担（每家诊断不高于 0.7 万元，监测验收不超过 1 万元）。
                </Paragraph>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={0} lg={6}>
        <Anchor
          offsetTop={80}
          items={[
            { key: 'who', href: '#who', title: '谁能参加' },
            { key: 'how-much', href: '#how-much', title: '补多少' },
            { key: 'steps', href: '#steps', title: '怎么申报' },
          ]}
        />
        <Paragraph style={{ marginTop: 16 }}>
          <Link to="/policy/official">阅读政策原文 ›</Link>
        </Paragraph>
      </Col>
    </Row>
  );
}

const SUPPORT_CAP = SUBSIDY_CAP_FEN;

/** The official text (docs/policy), loaded only when asked for. */
function OfficialText() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    void import('../../../../docs/policy/shenyang-sme-dx-pilot-plan-2024.txt?raw').then((m) => setText(m.default));
  }, []);
  return (
    <Card title={<h1 className="portal-card-title">政策原文</h1>} extra={<Link to="/policy">返回政策解读</Link>}>
      {text === null ? (
        <Spin />
      ) : (
        <pre className="policy-text" data-testid="policy-official">
          {text}
        </pre>
      )}
    </Card>
  );
}
