import { UploadOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Upload } from 'antd';
import { useState } from 'react';
import { UPLOAD_ACCEPT, uploadFile } from '../documents';
import type { UploadedFile } from '../documents';
import { showError } from './feedback';

/**
 * One file picked and uploaded at once, with a progress bar; the API decides
 * the type from the bytes and answers 413/415 with a Chinese message, shown
 * as it comes.
 */
export function DocumentUploadButton(props: {
  label?: string;
  organisationId?: string;
  disabled?: boolean;
  testId?: string;
  onUploaded: (file: UploadedFile) => void | Promise<void>;
}) {
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <Space direction="vertical" size={4} style={{ minWidth: 160 }}>
      <Upload
        accept={UPLOAD_ACCEPT}
        showUploadList={false}
        disabled={props.disabled || percent !== null}
        customRequest={async ({ file }) => {
          setPercent(0);
          try {
            const uploaded = await uploadFile(file as File, setPercent, props.organisationId);
            await props.onUploaded(uploaded);
          } catch (e) {
            showError(e);
          } finally {
            setPercent(null);
          }
        }}
      >
        <Button icon={<UploadOutlined />} size="small" disabled={props.disabled} loading={percent !== null} data-testid={props.testId}>
          {props.label ?? '上传文件'}
        </Button>
      </Upload>
      {percent !== null && <Progress percent={percent} size="small" data-testid="upload-progress" />}
    </Space>
  );
}
