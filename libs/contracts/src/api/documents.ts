import { z } from 'zod';
import { count, instant, uuid } from '../wire.js';
import { file, json } from './route.js';

/** What an upload is, read from its bytes: PDF, image, Office document, or a ZIP of those. */
export const FILE_KINDS = ['pdf', 'image', 'office', 'zip'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** A reviewer's mark on one document. */
export const DOCUMENT_STATUSES = ['pending', 'accepted', 'questioned'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The content types a stored file is served with (`GET /files/:id`), as the upload's bytes decided. */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/tiff',
  'image/bmp',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/zip',
] as const;

/** `POST /files`: the upload as stored. */
export const FileViewSchema = z.strictObject({
  id: uuid,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(FILE_KINDS),
  size: count,
  contentType: z.string(),
  name: z.string(),
  createdAt: instant,
});
export type FileView = z.output<typeof FileViewSchema>;

/** `GET /files/:id/link`: a short-lived signed download URL. */
export const FileLinkViewSchema = z.strictObject({
  url: z.string(),
  name: z.string(),
  expiresAt: instant,
});
export type FileLinkView = z.output<typeof FileLinkViewSchema>;

/** A document kind an owner takes, its Chinese name and whether the owner's rule requires it. */
export const DocumentKindRuleSchema = z.strictObject({
  kind: z.string(),
  name: z.string(),
  required: z.boolean(),
});
export type DocumentKindRule = z.output<typeof DocumentKindRuleSchema>;

/** One version of a document attached to an owner (a subsidy application, a provider, a project …). */
export const DocumentViewSchema = z.strictObject({
  id: uuid,
  ownerKind: z.string(),
  ownerId: uuid,
  kind: z.string(),
  /** The kind's Chinese name. */
  kindName: z.string(),
  fileId: uuid,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: count,
  mime: z.string(),
  name: z.string(),
  version: z.number().int().positive(),
  replacesId: uuid.nullable(),
  supersededBy: uuid.nullable(),
  status: z.enum(DOCUMENT_STATUSES),
  reviewNote: z.string().nullable(),
  reviewedBy: uuid.nullable(),
  reviewedAt: instant.nullable(),
  uploadedBy: uuid,
  createdAt: instant,
});
export type DocumentView = z.output<typeof DocumentViewSchema>;

/** One kind on the checklist: its rule and the documents given for it, current versions first. */
export const DocumentChecklistItemSchema = z.strictObject({
  ...DocumentKindRuleSchema.shape,
  current: z.array(DocumentViewSchema),
  previous: z.array(DocumentViewSchema),
});
export type DocumentChecklistItem = z.output<typeof DocumentChecklistItemSchema>;

/** `GET /…/:id/documents`: the owner's documents as the reviewer's checklist. */
export const DocumentChecklistViewSchema = z.strictObject({
  ownerKind: z.string(),
  ownerId: uuid,
  frozen: z.boolean(),
  mayAttach: z.boolean(),
  mayReview: z.boolean(),
  items: z.array(DocumentChecklistItemSchema),
  /** Required kinds without a current document. */
  missing: z.array(z.strictObject({ kind: z.string(), name: z.string() })),
  maxDocuments: count,
});
export type DocumentChecklistView = z.output<typeof DocumentChecklistViewSchema>;

/** The owners whose documents live under their own path (`/<path>/:id/documents`). */
export const DOCUMENT_OWNER_PATHS = ['subsidy-applications', 'providers', 'projects', 'nominations'] as const;
export type DocumentOwnerPath = (typeof DOCUMENT_OWNER_PATHS)[number];

const ZIP = 'application/zip';

export const documentRoutes = {
  'POST /files': json(FileViewSchema),
  'GET /files/:id/link': json(FileLinkViewSchema),
  'GET /files/:id': file(...DOCUMENT_CONTENT_TYPES),
  'GET /documents/kinds': json(z.array(DocumentKindRuleSchema)),
  'GET /documents': json(DocumentChecklistViewSchema),
  'POST /documents': json(DocumentViewSchema),
  'POST /documents/:id/review': json(DocumentViewSchema),
  // Each owner's documents under its own path (see DOCUMENT_OWNER_PATHS).
  'GET /subsidy-applications/:id/documents': json(DocumentChecklistViewSchema),
  'POST /subsidy-applications/:id/documents': json(DocumentViewSchema),
  'GET /subsidy-applications/:id/documents/archive': file(ZIP),
  'GET /providers/:id/documents': json(DocumentChecklistViewSchema),
  'POST /providers/:id/documents': json(DocumentViewSchema),
  'GET /providers/:id/documents/archive': file(ZIP),
  'GET /projects/:id/documents': json(DocumentChecklistViewSchema),
  'POST /projects/:id/documents': json(DocumentViewSchema),
  'GET /projects/:id/documents/archive': file(ZIP),
  'GET /nominations/:id/documents': json(DocumentChecklistViewSchema),
  'POST /nominations/:id/documents': json(DocumentViewSchema),
  'GET /nominations/:id/documents/archive': file(ZIP),
} as const;
