import { Alert, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { signedFileUrl } from '../documents';
import type { OwnerDocument } from '../documents';
import { showError } from './feedback';

/** PDF in the browser's viewer, images as they are, through a short-lived signed link. */
export function DocumentPreview(props: { document: Pick<OwnerDocument, 'fileId' | 'name' | 'mime'> | null; onClose: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  const doc = props.document;

  useEffect(() => {
    setUrl(null);
    if (!doc) return;
    let live = true;
    signedFileUrl(doc.fileId, true).then((u) => live && setUrl(u), showError);
    return () => {
      live = false;
    };
  }, [doc]);

  return (
    <Modal open={!!doc} title={doc?.name} onCancel={props.onClose} footer={null} width={900} destroyOnHidden>
      {!url ? (
        <Spin />
      ) : doc?.mime === 'application/pdf' ? (
        <iframe title={doc.name} src={url} style={{ width: '100%', height: '75vh', border: 0 }} data-testid="document-preview-pdf" />
      ) : doc?.mime.startsWith('image/') ? (
        <img alt={doc.name} src={url} style={{ maxWidth: '100%' }} data-testid="document-preview-image" />
      ) : (
        <Alert type="info" message="该类型文件不支持在线预览，请下载查看" />
      )}
    </Modal>
  );
}
