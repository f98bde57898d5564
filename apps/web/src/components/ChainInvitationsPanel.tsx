import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { Page } from '../api';
import { invitationLink } from '../chains';
import type { BulkInvitationResult, Chain, Invitation, IssuedInvitation } from '../chains';
import { showFieldErrors } from '../events';
import { formatTime } from '../format';
import { CHAIN_POSITION_NAMES, INVITATION_STATUS_COLORS, INVITATION_STATUS_NAMES } from '../labels';
import { showError, showSuccess } from './feedback';

const PAGE_SIZE = 20;
const CSV_TYPE = 'text/csv';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

interface InviteForm {
  position: 'upstream' | 'downstream';
  uscc?: string;
  email?: string;
  enterpriseName?: string;
  expiresInDays: number;
}

/** Saves text as a UTF-8 file with a BOM (so that Excel reads the Chinese). */
function saveText(text: string, filename: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

const csvCell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const target = (i: Invitation) => i.enterpriseName ?? i.uscc ?? i.email ?? '—';

/**
 * 邀请企业: the leader's members invite upstream and downstream enterprises one at a time
 * (by USCC and/or e-mail) or a whole roster from a CSV/XLSX file — the API keeps the good
 * rows and names the bad ones; each invitation's link is shown once. The leader and
 * officers list the invitations (never their tokens).
 */
export function ChainInvitationsPanel({ chain, canInvite, onChanged }: { chain: Chain; canInvite: boolean; onChanged: () => void }) {
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Invitation> | null>(null);
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const [bulk, setBulk] = useState<BulkInvitationResult | null>(null);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [bulkDays, setBulkDays] = useState(14);
  const [form] = Form.useForm<InviteForm>();

  const load = useCallback(() => {
    api.get('/chains/:id/invitations', { id: chain.id }, { status, page, pageSize: PAGE_SIZE }).then(setData, showError);
  }, [chain.id, status, page]);
  useEffect(load, [load]);

  const invite = async (v: InviteForm) => {
    setBusy(true);
    try {
      const body = {
        position: v.position,
        expiresInDays: v.expiresInDays,
        ...(v.uscc?.trim() ? { uscc: v.uscc.trim().toUpperCase() } : {}),
        ...(v.email?.trim() ? { email: v.email.trim() } : {}),
        ...(v.enterpriseName?.trim() ? { enterpriseName: v.enterpriseName.trim() } : {}),
      };
      const result = await api.post('/chains/:id/invitations', { id: chain.id }, body);
      setIssued(result);
      form.resetFields(['uscc', 'email', 'enterpriseName']);
      load();
      onChanged();
    } catch (e) {
      if (!showFieldErrors(form, e, ['position', 'uscc', 'email', 'enterpriseName', 'expiresInDays'])) showError(e);
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    const name = file.name.toLowerCase();
    const type = name.endsWith('.xlsx') ? XLSX_TYPE : name.endsWith('.csv') ? CSV_TYPE : null;
    if (!type) {
      showError(new Error('请上传 CSV 或 XLSX 文件'));
      return;
    }
    setUploading(true);
    setBulk(null);
    try {
      const result = await api.upload('/chains/:id/invitations/bulk', { id: chain.id }, file, type, {
        expiresInDays: bulkDays,
      });
      setBulk(result);
      showSuccess(`已发出 ${result.created.length} 份邀请${result.errors.length ? `，${result.errors.length} 行有误未邀请` : ''}`);
      load();
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setUploading(false);
    }
  };

  const template = () =>
    saveText(
      ['企业名称,统一社会信用代码,邮箱,位置', '沈阳示例包装材料有限公司（示例行，请替换）,,buyer@example.com,下游'].join('\r\n'),
      '产业链邀请名单模板.csv',
    );

  const exportLinks = (result: BulkInvitationResult) =>
    saveText(
      [
        '行号,企业名称,统一社会信用代码,邮箱,位置,邀请链接,有效期至',
        ...result.created.map((c) =>
          [c.row, c.enterpriseName, c.uscc, c.email, CHAIN_POSITION_NAMES[c.position], invitationLink(c.token), formatTime(c.expiresAt)]
            .map(csvCell)
            .join(','),
        ),
      ].join('\r\n'),
      `${chain.name}-邀请链接.csv`,
    );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {canInvite && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title="邀请一家企业">
              <Form<InviteForm>
                form={form}
                name="invite"
                layout="vertical"
                onFinish={invite}
                initialValues={{ position: 'upstream', expiresInDays: 14 }}
              >
                <Form.Item name="position" label="位置" rules={[{ required: true }]}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'upstream', label: '上游（供应商）' },
                      { value: 'downstream', label: '下游（客户）' },
                    ]}
                  />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="uscc"
                      label="统一社会信用代码"
                      dependencies={['email']}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: (_, value: string | undefined) => {
                            const code = value?.trim().toUpperCase();
                            if (!code && !getFieldValue('email')?.trim()) return Promise.reject(new Error('请填写统一社会信用代码或邮箱'));
                            if (code && !USCC_PATTERN.test(code)) return Promise.reject(new Error('统一社会信用代码应为 18 位'));
                            return Promise.resolve();
                          },
                        }),
                      ]}
                    >
                      <Input maxLength={18} placeholder="18 位代码" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="email" label="邮箱" rules={[{ type: 'email', message: '请输入有效的邮箱地址' }]}>
                      <Input placeholder="对方联系人邮箱" />
                    </Form.Item>
                  </Col>
                </Row>
                <Row gutter={12}>
                  <Col xs={24} md={16}>
                    <Form.Item name="enterpriseName" label="企业名称（可选）">
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="expiresInDays"
                      label="有效期（天）"
                      rules={[{ required: true, type: 'integer', min: 1, max: 90, message: '1–90 天' }]}
                    >
                      <InputNumber precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
                <Button type="primary" htmlType="submit" loading={busy}>
                  生成邀请
                </Button>
              </Form>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title="批量邀请（CSV / XLSX 名单）"
              extra={
                <Button type="link" icon={<DownloadOutlined />} onClick={template}>
                  下载模板
                </Button>
              }
            >
              <Typography.Paragraph type="secondary">
                表头：企业名称、统一社会信用代码、邮箱、位置（上游/下游）；代码与邮箱至少填一项。有误的行不会邀请，逐行列出原因。
              </Typography.Paragraph>
              <Space wrap>
                <span>有效期</span>
                <InputNumber min={1} max={90} precision={0} value={bulkDays} onChange={(v) => setBulkDays(v ?? 14)} addonAfter="天" />
                <Upload
                  accept=".csv,.xlsx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={uploading} data-testid="roster-upload">
                    上传名单
                  </Button>
                </Upload>
              </Space>
              {bulk && <BulkResult result={bulk} onExport={() => exportLinks(bulk)} />}
            </Card>
          </Col>
        </Row>
      )}
      <Card
        size="small"
        title="邀请记录"
        extra={
          <Select
            allowClear
            placeholder="按状态筛选"
            style={{ width: 180 }}
            value={status}
            onChange={(s) => {
              setStatus(s);
              setPage(1);
            }}
            options={Object.entries(INVITATION_STATUS_NAMES).map(([value, label]) => ({ value, label }))}
          />
        }
      >
        <Table<Invitation>
          rowKey="id"
          size="small"
          loading={!data}
          dataSource={data?.items ?? []}
          data-testid="chain-invitations"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无邀请' }}
          columns={[
            {
              title: '受邀企业',
              render: (_, i) => (
                <Space direction="vertical" size={0}>
                  <span>{target(i)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[i.enterpriseName ? i.uscc : null, i.email].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '位置', dataIndex: 'position', render: (p: string) => CHAIN_POSITION_NAMES[p] ?? p },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={INVITATION_STATUS_COLORS[s]}>{INVITATION_STATUS_NAMES[s] ?? s}</Tag>,
            },
            { title: '邀请时间', dataIndex: 'invitedAt', render: (t: string) => formatTime(t) },
            { title: '有效期至', dataIndex: 'expiresAt', render: (t: string) => formatTime(t) },
            { title: '回复时间', dataIndex: 'respondedAt', render: (t: string | null) => formatTime(t) },
            { title: '名单行号', dataIndex: 'sourceRow', render: (r: number | null) => r ?? '—' },
          ]}
        />
      </Card>
      <Modal
        open={!!issued}
        title="邀请已生成"
        footer={<Button onClick={() => setIssued(null)}>完成</Button>}
        onCancel={() => setIssued(null)}
      >
        {issued && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon message="邀请链接只显示这一次，请复制后发给对方（邮件、微信等）。链接一次有效。" />
            <Typography.Paragraph>
              受邀：{target(issued)}（{CHAIN_POSITION_NAMES[issued.position]}），有效期至 {formatTime(issued.expiresAt)}
            </Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: invitationLink(issued.token) }} code data-testid="invitation-link">
              {invitationLink(issued.token)}
            </Typography.Paragraph>
          </Space>
        )}
      </Modal>
    </Space>
  );
}

/** What a roster upload did: the rows invited (with their links, shown once) and the rows refused, by row. */
function BulkResult({ result, onExport }: { result: BulkInvitationResult; onExport: () => void }) {
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="roster-result">
      {result.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={`${result.errors.length} 行未邀请`}
          description={
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.field}`}
              pagination={false}
              dataSource={result.errors}
              data-testid="roster-errors"
              columns={[
                { title: '行号', dataIndex: 'row', width: 64 },
                { title: '字段', dataIndex: 'field', width: 100 },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          }
        />
      )}
      <Alert
        type={result.created.length ? 'success' : 'info'}
        showIcon
        message={`已邀请 ${result.created.length} 家`}
        description={result.created.length ? '邀请链接只显示这一次：请导出后发给各企业。' : '名单中没有可邀请的行。'}
        action={
          result.created.length ? (
            <Button size="small" icon={<DownloadOutlined />} onClick={onExport}>
              导出邀请链接
            </Button>
          ) : undefined
        }
      />
      {result.created.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={result.created}
          data-testid="roster-created"
          columns={[
            { title: '行号', dataIndex: 'row', width: 64 },
            { title: '企业', render: (_, c) => target(c) },
            { title: '位置', dataIndex: 'position', render: (p: string) => CHAIN_POSITION_NAMES[p] ?? p, width: 64 },
            {
              title: '邀请链接',
              render: (_, c) => (
                <Typography.Text copyable={{ text: invitationLink(c.token) }} ellipsis style={{ maxWidth: 200 }}>
                  {invitationLink(c.token)}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
