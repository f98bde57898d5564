/**
 * Documents and evidence on the client: the API's shapes, an upload with
 * progress (XMLHttpRequest: fetch reports no upload progress) and the
 * signed links that previews and downloads use.
 */
import type {
  DocumentChecklistView,
  DocumentKindRule as DocumentKindRuleView,
  DocumentOwnerPath,
  DocumentStatus,
  DocumentView,
  FileView,
  PathOf,
  Wire,
} from '@smedx/contracts';
import { ApiError, api, tokenStore } from './api';

export type { DocumentOwnerPath, DocumentStatus, FileKind } from '@smedx/contracts';

/** `POST /files`: the upload as stored. */
export type UploadedFile = Wire<FileView>;
export type DocumentKindRule = Wire<DocumentKindRuleView>;
export type OwnerDocument = Wire<DocumentView>;
export type DocumentChecklist = Wire<DocumentChecklistView>;

/** Each owner's documents route (`GET` the checklist, `POST` to attach). */
export const OWNER_DOCUMENTS_PATHS = {
  'subsidy-applications': '/subsidy-applications/:id/documents',
  providers: '/providers/:id/documents',
  projects: '/projects/:id/documents',
  nominations: '/nominations/:id/documents',
} as const satisfies Record<DocumentOwnerPath, PathOf<'GET'> & PathOf<'POST'>>;

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
  const link = await api.get('/files/:id/link', { id: fileId });
  return inline ? `${link.url}&inline=1` : link.url;
}

export const isPreviewable = (mime: string) => mime === 'application/pdf' || mime.startsWith('image/');
