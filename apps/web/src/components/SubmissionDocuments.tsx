import { DeleteOutlined } from '@ant-design/icons';
import { Button, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { formatBytes } from '../documents';
import type { DocumentKindRule, UploadedFile } from '../documents';
import { DocumentUploadButton } from './DocumentUploadButton';
import { showError } from './feedback';

export interface SubmittedDocument {
  kind: string;
  file: UploadedFile;
}

/**
 * The documents given with a submission, kind by kind as the owner's rule
 * lists them (`GET /documents/kinds`): a Form control whose value is the list
 * of uploaded files with their kinds.
 */
export function SubmissionDocuments(props: {
  ownerKind: string;
  organisationId?: string;
  value?: SubmittedDocument[];
  onChange?: (value: SubmittedDocument[]) => void;
}) {
  const [kinds, setKinds] = useState<DocumentKindRule[]>([]);
  const value = props.value ?? [];

  useEffect(() => {
    api.get('/documents/kinds', { ownerKind: props.ownerKind }).then(setKinds, showError);
  }, [props.ownerKind]);

  return (
    <List
      size="small"
      bordered
      dataSource={kinds}
      data-testid="submission-documents"
      renderItem={(rule) => {
        const given = value.filter((d) => d.kind === rule.kind);
        return (
          <List.Item
            actions={[
              <DocumentUploadButton
                key="upload"
                organisationId={props.organisationId}
                testId={`submission-upload-${rule.kind}`}
                onUploaded={(file) => props.onChange?.([...value, { kind: rule.kind, file }])}
              />,
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  {rule.name}
                  {rule.required ? <Tag color="red">必需</Tag> : <Tag>可选</Tag>}
                </Space>
              }
              description={
                given.length ? (
                  <Space direction="vertical" size={0}>
                    {given.map((d) => (
                      <Space key={d.file.id}>
                        <Typography.Text>{d.file.name}</Typography.Text>
                        <Typography.Text type="secondary">{formatBytes(d.file.size)}</Typography.Text>
                        <Button
                          type="text"
                          size="small"
                          icon={<DeleteOutlined />}
                          aria-label="移除"
                          onClick={() => props.onChange?.(value.filter((x) => x !== d))}
                        />
                      </Space>
                    ))}
                  </Space>
                ) : (
                  '未上传'
                )
              }
            />
          </List.Item>
        );
      }}
    />
  );
}

/** The kinds a rule requires that `value` lacks, for the form's validator. */
export async function requiredDocumentsGiven(ownerKind: string, value: SubmittedDocument[] | undefined): Promise<void> {
  const kinds = await api.get('/documents/kinds', { ownerKind });
  const missing = kinds.filter((k) => k.required && !(value ?? []).some((d) => d.kind === k.kind));
  if (missing.length) throw new Error(`请上传：${missing.map((m) => m.name).join('、')}`);
}
