import type { DocumentKindRule } from './document-owners.js';
import type { Document, DocumentStatus } from './entities/document.entity.js';
import type { StoredFile } from './entities/stored-file.entity.js';
import type { FileKind } from './file-types.js';

/** `POST /files`: the upload as stored. */
export interface FileView {
  id: string;
  sha256: string;
  /** pdf | image | office | zip, read from the bytes. */
  kind: FileKind;
  size: number;
  contentType: string;
  name: string;
  createdAt: Date;
}

/** `GET /files/:id/link`: a short-lived signed download URL. */
export interface FileLinkView {
  url: string;
  name: string;
  expiresAt: Date;
}

export interface DocumentView {
  id: string;
  ownerKind: string;
  ownerId: string;
  kind: string;
  /** The kind's Chinese name. */
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
  reviewedAt: Date | null;
  uploadedBy: string;
  createdAt: Date;
}

/** One kind on the checklist: its rule and the documents given for it, current versions first. */
export interface DocumentChecklistItem extends DocumentKindRule {
  current: DocumentView[];
  previous: DocumentView[];
}

/** `GET /…/:id/documents`: the owner's documents as the reviewer's checklist. */
export interface DocumentChecklistView {
  ownerKind: string;
  ownerId: string;
  frozen: boolean;
  mayAttach: boolean;
  mayReview: boolean;
  items: DocumentChecklistItem[];
  /** Required kinds without a current document. */
  missing: { kind: string; name: string }[];
  maxDocuments: number;
}

export function fileView(f: StoredFile): FileView {
  return { id: f.id, sha256: f.sha256, kind: f.kind, size: f.size, contentType: f.contentType, name: f.name, createdAt: f.createdAt };
}

export function documentView(d: Document, kindName: string): DocumentView {
  return {
    id: d.id,
    ownerKind: d.ownerKind,
    ownerId: d.ownerId,
    kind: d.kind,
    kindName,
    fileId: d.fileId,
    sha256: d.sha256,
    size: d.size,
    mime: d.mime,
    name: d.name,
    version: d.version,
    replacesId: d.replacesId,
    supersededBy: d.supersededBy,
    status: d.status,
    reviewNote: d.reviewNote,
    reviewedBy: d.reviewedBy,
    reviewedAt: d.reviewedAt,
    uploadedBy: d.uploadedBy,
    createdAt: d.createdAt,
  };
}
