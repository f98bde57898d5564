/**
 * Documents and evidence on the client: the API's shapes, an upload with
 * progress (XMLHttpRequest: fetch reports no upload progress) and the
 * signed links that previews and downloads use.
 */
import { ApiError, api, tokenStore } from './api';

export type FileKind = 'pdf' | 'image' | 'office' | 'zip';
export type DocumentStatus = 'pending' | 'accepted' | 'questioned';
/** The owners whose documents live under their own path. */
export type DocumentOwnerPath = 'subsidy-applications' | 'providers' | 'projects';

export interface UploadedFile {
  id: string;
  sha256: string;
  kind: FileKind;
  size: number;
  contentType: string;
  name: string;
  createdAt: string;
}

export interface DocumentKindRule {
  kind: string;
  name: string;
  required: boolean;
}

export interface OwnerDocument {
  id: string;
  ownerKind: string;
  ownerId: string;
  kind: string;
  kindName: string;
  fileId: string;
  sha256: string;
  size: number;
  mime: string;
  name: string;
  version: number;
  replacesId: string | null;
  supersededBy: string | null;
  status: DocumentStatus;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  uploadedBy: string;
  createdAt: string;
}

export interface DocumentChecklist {
  ownerKind: string;
  ownerId: string;
  frozen: boolean;
  mayAttach: boolean;
  mayReview: boolean;
  items: (DocumentKindRule & { current: OwnerDocument[]; previous: OwnerDocument[] })[];
  missing: { kind: string; name: string }[];
  maxDocuments: number;
}

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, { text: string; color: string }> = {
  pending: { text: '待审核', color: 'default' },
  accepted: { text: '已认可', color: 'green' },
  questioned: { text: '有疑问', color: 'orange' },
};

/** What the upload field accepts (the server decides from the bytes; this only narrows the file picker). */
export const UPLOAD_ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.gif,.webp,.tif,.tiff,.bmp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.dps,.odt,.ods,.odp,.zip';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Uploads one file to `POST /files`, reporting progress (0–100); rejects with the API's error (413, 415 …). */
export function uploadFile(file: File, onProgress: (percent: number) => void, organisationId?: string): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/files${organisationId ? `?organisationId=${encodeURIComponent(organisationId)}` : ''}`);
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'Network Error', '上传中断，请检查网络后重试'));
    xhr.onload = () => {
      let body: { message?: string; error?: string; code?: string } & Partial<UploadedFile> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { message: xhr.responseText.slice(0, 200) };
      }
      if (xhr.status === 201) resolve(body as UploadedFile);
      else reject(new ApiError(xhr.status, body.error ?? xhr.statusText, body.message ?? `上传失败（HTTP ${xhr.status}）`, body.code));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A short-lived signed URL of the file (previews in an iframe or img cannot send the bearer token). */
export async function signedFileUrl(fileId: string, inline = false): Promise<string> {
  const link = await api.get<{ url: string }>(`/files/${fileId}/link`);
  return inline ? `${link.url}&inline=1` : link.url;
}

export const isPreviewable = (mime: string) => mime === 'application/pdf' || mime.startsWith('image/');
