import { samplePdf, samplePng } from '@smedx/documents';
import { assertKeepsContract } from '../support/test-app.js';
import type { TestApp, HttpResult } from '../support/test-app.js';

/** Uploads bytes as a multipart `file` field (`POST /files`) under the given name. */
export async function uploadFile(
  t: TestApp,
  token: string | undefined,
  bytes: Buffer,
  name: string,
  options: { organisationId?: string; field?: string } = {},
): Promise<HttpResult> {
  const form = new FormData();
  if (options.organisationId) form.append('organisationId', options.organisationId);
  form.append(options.field ?? 'file', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(new URL('/api/v1/files', t.url), {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  const result = {
    status: response.status,
    body: text && contentType.includes('json') ? JSON.parse(text) : text,
    headers: response.headers,
  };
  // Sent outside `t.call` (multipart), so the answer is held to its contract here.
  if (response.ok) assertKeepsContract('POST', '/files', result, contentType);
  return result;
}

/** Uploads a small PDF (unique to `label`) and returns its file id. */
export async function uploadPdf(t: TestApp, token: string, label: string, organisationId?: string): Promise<string> {
  const res = await uploadFile(t, token, samplePdf(`${label} ${Math.random()}`), `${label}.pdf`, { organisationId });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Uploads a small PNG and returns its file id. */
export async function uploadPng(t: TestApp, token: string, name = '现场照片.png'): Promise<string> {
  const res = await uploadFile(t, token, samplePng([Math.floor(Math.random() * 255), 80, 40]), name);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** The four kinds a subsidy application requires, uploaded by `token`'s user: `[{fileId, kind}]`. */
export async function subsidyDocuments(t: TestApp, token: string): Promise<{ fileId: string; kind: string }[]> {
  const kinds: [string, string][] = [
    ['contract', '项目合同'],
    ['invoice', '软件发票'],
    ['payment_record', '银行付款回单'],
    ['delivery_acceptance', '交付验收单'],
  ];
  return Promise.all(kinds.map(async ([kind, name]) => ({ kind, fileId: await uploadPdf(t, token, name) })));
}

/** Downloads with the bearer token or none; returns status, bytes and headers. */
export async function download(t: TestApp, path: string, token?: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const url = new URL(path.startsWith('/api/') ? path : `/api/v1${path}`, t.url);
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const result = { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  if (response.ok)
    assertKeepsContract(
      'GET',
      url.pathname.replace(/^\/api\/v1/, ''),
      { ...result, body: null },
      response.headers.get('content-type') ?? '',
    );
  return result;
}
