import type { DocumentView, FileView } from '@smedx/contracts';
import type { Document } from './entities/document.entity.js';
import type { StoredFile } from './entities/stored-file.entity.js';

/** The answers of the documents routes: their schemas are in `@smedx/contracts` (api/documents.ts). */
export type { DocumentChecklistItem, DocumentChecklistView, DocumentView, FileLinkView, FileView } from '@smedx/contracts';

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
