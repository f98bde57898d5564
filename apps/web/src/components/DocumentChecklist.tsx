import { CheckOutlined, DownloadOutlined, EyeOutlined, QuestionOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Input, List, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { DOCUMENT_STATUS_LABELS, OWNER_DOCUMENTS_PATHS, formatBytes, isPreviewable, signedFileUrl } from '../documents';
import type { DocumentChecklist as Checklist, DocumentOwnerPath, OwnerDocument } from '../documents';
import { formatTime } from '../format';
import { DocumentPreview } from './DocumentPreview';
import { DocumentUploadButton } from './DocumentUploadButton';
import { showError, showSuccess } from './feedback';

/**
 * An owner's documents as the reviewer's checklist: each kind its rule asks
 * for, required ones marked, the current version with its mark and older
 * versions kept below; preview, download, marks (the reviewer at the
 * owner's stage), attaching and replacing (the owning organisation's
 * members; after the decision only replacing), and the ZIP of them all.
 */
export function DocumentChecklist(props: { ownerPath: DocumentOwnerPath; ownerId: string; title?: string; onChange?: () => void }) {
  const path = OWNER_DOCUMENTS_PATHS[props.ownerPath];
  const base = `/${props.ownerPath}/${props.ownerId}/documents`;
  const [data, setData] = useState<Checklist | null>(null);
  const [preview, setPreview] = useState<OwnerDocument | null>(null);
  const [questioning, setQuestioning] = useState<OwnerDocument | null>(null);
  const [note, setNote] = useState('');

  const load = useCallback(() => api.get(path, { id: props.ownerId }).then(setData, showError), [path, props.ownerId]);
  useEffect(() => {
    void load();
  }, [load]);

  const changed = async () => {
    await load();
    props.onChange?.();
  };

  const attach = async (kind: string, fileId: string, replaces?: string) => {
    try {
      await api.post(path, { id: props.ownerId }, { fileId, kind, replaces });
      showSuccess(replaces ? '已上传新版本，原版本保留' : '材料已上传');
      await changed();
    } catch (e) {
      showError(e);
    }
  };

  const mark = async (doc: OwnerDocument, status: 'accepted' | 'questioned', reviewNote?: string) => {
    try {
      await api.post('/documents/:id/review', { id: doc.id }, { status, note: reviewNote });
      await changed();
    } catch (e) {
      showError(e);
    }
  };

  const download = async (doc: OwnerDocument) => {
    try {
      window.location.assign(await signedFileUrl(doc.fileId));
    } catch (e) {
      showError(e);
    }
  };

  if (!data) return <Card title={props.title ?? '申报材料'} size="small" loading />;

  const actions = (doc: OwnerDocument, current: boolean) => [
    isPreviewable(doc.mime) && (
      <Button key="preview" size="small" icon={<EyeOutlined />} onClick={() => setPreview(doc)} data-testid="document-preview">
        预览
      </Button>
    ),
    <Button key="download" size="small" icon={<DownloadOutlined />} onClick={() => void download(doc)}>
      下载
    </Button>,
    current && data.mayReview && (
      <Button key="accept" size="small" icon={<CheckOutlined />} onClick={() => void mark(doc, 'accepted')} data-testid="document-accept">
        认可
      </Button>
    ),
    current && data.mayReview && (
      <Button
        key="question"
        size="small"
        danger
        icon={<QuestionOutlined />}
        onClick={() => {
          setNote('');
          setQuestioning(doc);
        }}
        data-testid="document-question"
      >
        存疑
      </Button>
    ),
    current && data.mayAttach && (
      <DocumentUploadButton key="replace" label="替换为新版本" onUploaded={(f) => attach(doc.kind, f.id, doc.id)} />
    ),
  ];

  const renderDoc = (doc: OwnerDocument, current: boolean) => (
    <List.Item actions={actions(doc, current).filter(Boolean)} data-testid="document-row">
      <List.Item.Meta
        title={
          <Space wrap>
            <Typography.Text>{doc.name}</Typography.Text>
            <Tag>第 {doc.version} 版</Tag>
            <Tag color={DOCUMENT_STATUS_LABELS[doc.status].color} data-testid="document-status">
              {DOCUMENT_STATUS_LABELS[doc.status].text}
            </Tag>
          </Space>
        }
        description={
          <Space direction="vertical" size={0}>
            <Typography.Text type="secondary">
              {formatBytes(doc.size)} · 上传于 {formatTime(doc.createdAt)} ·{' '}
              <Tooltip title={`SHA-256 ${doc.sha256}`}>
                <span>指纹 {doc.sha256.slice(0, 12)}…</span>
              </Tooltip>
            </Typography.Text>
            {doc.reviewNote && <Typography.Text type="warning">审核意见：{doc.reviewNote}</Typography.Text>}
          </Space>
        }
      />
    </List.Item>
  );

  return (
    <Card
      title={props.title ?? '申报材料'}
      size="small"
      data-testid="document-checklist"
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void api.download(`${base}/archive`, '材料.zip').catch(showError)}>
          打包下载（ZIP）
        </Button>
      }
    >
      {data.frozen && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="已有决定，材料已冻结：只能上传新版本替换，原版本保留备查" />
      )}
      {data.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`缺少必需材料：${data.missing.map((m) => m.name).join('、')}`}
        />
      )}
      {data.items.map((item) => (
        <div key={item.kind} style={{ marginBottom: 12 }} data-testid={`document-kind-${item.kind}`}>
          <Space style={{ marginBottom: 4 }}>
            <Typography.Text strong>{item.name}</Typography.Text>
            {item.required ? <Tag color="red">必需</Tag> : <Tag>可选</Tag>}
            {item.required && !item.current.length && <Tag color="warning">未提供</Tag>}
            {data.mayAttach && !data.frozen && (
              <DocumentUploadButton label="上传" testId={`document-upload-${item.kind}`} onUploaded={(f) => attach(item.kind, f.id)} />
            )}
          </Space>
          {item.current.length > 0 && <List size="small" bordered dataSource={item.current} renderItem={(d) => renderDoc(d, true)} />}
          {item.previous.length > 0 && (
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'previous',
                  label: `历史版本（${item.previous.length}）`,
                  children: <List size="small" dataSource={item.previous} renderItem={(d) => renderDoc(d, false)} />,
                },
              ]}
            />
          )}
        </div>
      ))}
      <DocumentPreview document={preview} onClose={() => setPreview(null)} />
      <Modal
        open={!!questioning}
        title={`对“${questioning?.name ?? ''}”提出疑问`}
        okText="提交"
        okButtonProps={{ disabled: !note.trim() }}
        onCancel={() => setQuestioning(null)}
        onOk={async () => {
          if (questioning) await mark(questioning, 'questioned', note.trim());
          setQuestioning(null);
        }}
      >
        <Input.TextArea
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="请说明问题，例如：发票金额与合同不符"
        />
      </Modal>
    </Card>
  );
}
