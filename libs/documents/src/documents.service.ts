import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import yazl from 'yazl';
import { APP_CONFIG, CLOCK, ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnitOfWork, isUuid } from '@smedx/platform';
import type { AppConfig, Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DocumentOwners, missingKinds } from './document-owners.js';
import type { DocumentKindRule, DocumentOwnerAccess, DocumentOwnerType } from './document-owners.js';
import type { AttachDocumentInput, ReviewDocumentInput, SubmittedDocuments } from './dto/documents.dto.js';
import { Document } from './entities/document.entity.js';
import { StoredFile } from './entities/stored-file.entity.js';
import { FilesService } from './files.service.js';
import { documentView } from './documents.views.js';
import type { DocumentChecklistView, DocumentView } from './documents.views.js';

const kindName = (type: DocumentOwnerType, kind: string) => type.kinds.find((k) => k.kind === kind)?.name ?? kind;

/** 409 naming (in Chinese and by code) the required kinds an owner lacks. */
export class DocumentsMissingError extends ConflictError {
  constructor(label: string, missing: DocumentKindRule[]) {
    super('documents_missing', `${label}缺少必需材料：${missing.map((m) => m.name).join('、')}`, {
      missing: missing.map((m) => ({ kind: m.kind, name: m.name })),
    });
  }
}

/**
 * Documents attached to owners (subsidy applications, providers, projects,
 * nominations …): attaching and replacing (a new version, the old one kept),
 * the reviewer's marks, the checklist against the owner's required kinds, and
 * a ZIP of an owner's current documents. Who may do what is the owner's own
 * policy ({@link DocumentOwners}); every change is audited.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly owners: DocumentOwners,
    private readonly files: FilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The kinds an owner kind takes (400 for an unknown owner kind). */
  kinds(ownerKind: string): readonly DocumentKindRule[] {
    return this.owners.get(ownerKind).kinds;
  }

  /** The required kinds missing from `given` (a submission's documents), as a 409; nothing when complete. */
  assertComplete(ownerKind: string, given: Iterable<string>): void {
    const type = this.owners.get(ownerKind);
    const missing = missingKinds(type.kinds, given);
    if (missing.length) throw new DocumentsMissingError(type.label, missing);
  }

  /** 409 naming the required kinds the owner holds no current document of (a decision that rests on them). */
  async assertOwnerComplete(ownerKind: string, ownerId: string, tx?: EntityManager): Promise<void> {
    this.assertComplete(ownerKind, await this.presentKinds(ownerKind, ownerId, tx));
  }

  /** The kinds an owner holds a current document of (inside a write, with its transaction). */
  async presentKinds(ownerKind: string, ownerId: string, tx?: EntityManager): Promise<string[]> {
    const rows = await (tx ?? this.dataSource.manager).find(Document, {
      where: { ownerKind, ownerId, supersededBy: IsNull() },
      select: { kind: true },
    });
    return [...new Set(rows.map((r) => r.kind))];
  }

  /**
   * Attaches a submission's documents to a new owner, inside the transaction
   * that creates it: the owning context has authorised the actor, the files
   * must be the actor's own (or their organisation's) uploads.
   */
  async attachSubmitted(
    tx: EntityManager,
    actor: Principal,
    ownerKind: string,
    ownerId: string,
    documents: SubmittedDocuments,
  ): Promise<void> {
    const type = this.owners.get(ownerKind);
    if (documents.length > this.config.files.maxFilesPerOwner) throw this.tooMany(type);
    for (const [i, d] of documents.entries()) {
      if (!type.kinds.some((k) => k.kind === d.kind)) {
        throw new InvalidInputError([
          { field: `documents.${i}.kind`, reason: `must be one of ${type.kinds.map((k) => k.kind).join(', ')}` },
        ]);
      }
      const file = await this.files.usable(actor, d.fileId);
      const saved = await tx.save(this.newDocument(ownerKind, ownerId, d.kind, file, actor, null));
      await this.recordAttach(tx, actor, saved, false);
    }
  }

  /**
   * Attaches a document to an owner (its organisation's members), or replaces
   * a current one with a new version. Once the owner is decided its documents
   * are frozen: only a replacement is taken, the replaced version stays.
   */
  async attach(actor: Principal, ownerKind: string, ownerId: string, input: AttachDocumentInput): Promise<DocumentView> {
    const type = this.owners.get(ownerKind);
    if (!type.kinds.some((k) => k.kind === input.kind)) {
      throw new InvalidInputError([{ field: 'kind', reason: `must be one of ${type.kinds.map((k) => k.kind).join(', ')}` }]);
    }
    const file = await this.files.usable(actor, input.fileId);
    const saved = await this.uow.run(async (tx) => {
      const access = await this.ownerAccess(actor, type, ownerId, tx);
      if (!access.attach)
        throw new ForbiddenError(`only members of the owning organisation attach documents to this ${type.ownerKind}`, 'not_member');
      let replaced: Document | null = null;
      if (input.replaces) {
        replaced = await tx.findOneBy(Document, { id: input.replaces, ownerKind, ownerId });
        if (!replaced) throw new NotFoundError('document', input.replaces);
        if (replaced.supersededBy) throw new ConflictError('document_superseded', '该材料已被新版本替换，请替换最新版本');
        if (replaced.kind !== input.kind) {
          throw new InvalidInputError([{ field: 'kind', reason: `must be the replaced document's kind (${replaced.kind})` }]);
        }
      } else {
        if (access.frozen) {
          throw new ConflictError('documents_frozen', `${type.label}已有决定，材料已冻结：只能以新版本替换已有材料，原版本保留`);
        }
        const count = await tx.countBy(Document, { ownerKind, ownerId, supersededBy: IsNull() });
        if (count >= this.config.files.maxFilesPerOwner) throw this.tooMany(type);
      }
      const document = await tx.save(this.newDocument(ownerKind, ownerId, input.kind, file, actor, replaced));
      if (replaced) {
        const result = await tx
          .createQueryBuilder()
          .update(Document)
          .set({ supersededBy: document.id })
          .where('id = :id AND superseded_by IS NULL', { id: replaced.id })
          .execute();
        if (!result.affected) throw new ConflictError('document_superseded', '该材料已被新版本替换，请替换最新版本');
      }
      await this.recordAttach(tx, actor, document, access.frozen, replaced);
      return document;
    });
    return documentView(saved, kindName(type, saved.kind));
  }

  /** The owner's documents as a checklist of its kinds, for whoever may read the owner (404 otherwise). */
  async checklist(actor: Principal, ownerKind: string, ownerId: string): Promise<DocumentChecklistView> {
    const type = this.owners.get(ownerKind);
    const access = await this.ownerAccess(actor, type, ownerId);
    const documents = await this.dataSource.manager.find(Document, {
      where: { ownerKind, ownerId },
      order: { kind: 'ASC', version: 'DESC', createdAt: 'DESC' },
    });
    const current = documents.filter((d) => !d.supersededBy);
    const extra = [...new Set(documents.map((d) => d.kind))].filter((k) => !type.kinds.some((r) => r.kind === k));
    const rules = [...type.kinds, ...extra.map((kind) => ({ kind, name: kind, required: false }))];
    return {
      ownerKind,
      ownerId,
      frozen: access.frozen,
      mayAttach: access.attach,
      mayReview: access.review && !access.frozen,
      items: rules.map((rule) => ({
        ...rule,
        current: current.filter((d) => d.kind === rule.kind).map((d) => documentView(d, rule.name)),
        previous: documents.filter((d) => d.kind === rule.kind && d.supersededBy).map((d) => documentView(d, rule.name)),
      })),
      missing: missingKinds(
        type.kinds,
        current.map((d) => d.kind),
      ).map((m) => ({ kind: m.kind, name: m.name })),
      maxDocuments: this.config.files.maxFilesPerOwner,
    };
  }

  /**
   * A reviewer's mark on a current document: accepted, or questioned with a
   * note. 403 for readers who do not review the owner at its stage, 409 once
   * the owner is decided or for a replaced version.
   */
  async review(actor: Principal, documentId: string, input: ReviewDocumentInput): Promise<DocumentView> {
    const result = await this.uow.run(async (tx) => {
      const document = isUuid(documentId) ? await tx.findOneBy(Document, { id: documentId }) : null;
      if (!document) throw new NotFoundError('document', documentId);
      const type = this.owners.get(document.ownerKind);
      const access = await this.ownerAccess(actor, type, document.ownerId, tx).catch((error: unknown) => {
        throw error instanceof NotFoundError ? new NotFoundError('document', documentId) : error;
      });
      if (access.frozen) throw new ConflictError('documents_frozen', `${type.label}已有决定，材料审核结论不再更改`);
      if (!access.review) {
        throw new ForbiddenError(`documents of this ${type.ownerKind} are marked by its reviewer at the current stage`, 'not_reviewer');
      }
      if (document.supersededBy) throw new ConflictError('document_superseded', '该材料已被新版本替换，请审核最新版本');
      const now = this.clock.now();
      const changes = { status: input.status, reviewNote: input.note ?? null, reviewedBy: actor.userId, reviewedAt: now };
      await tx.update(Document, { id: document.id }, changes);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: `document.${input.status}`,
        entityType: document.ownerKind,
        entityId: document.ownerId,
        reason: input.note ?? null,
        data: { documentId: document.id, kind: document.kind, sha256: document.sha256, version: document.version, before: document.status },
      });
      return { document: { ...document, ...changes }, type };
    });
    return documentView(result.document, kindName(result.type, result.document.kind));
  }

  /**
   * A ZIP (streamed, never built in memory) of the owner's current documents,
   * one folder per kind, for whoever may read the owner; an officer's
   * download of it is audited file by file.
   */
  async archive(actor: Principal, ownerKind: string, ownerId: string): Promise<{ stream: Readable; filename: string }> {
    const type = this.owners.get(ownerKind);
    await this.ownerAccess(actor, type, ownerId);
    const documents = await this.dataSource.manager.find(Document, {
      where: { ownerKind, ownerId, supersededBy: IsNull() },
      order: { kind: 'ASC', createdAt: 'ASC' },
    });
    const files = await this.dataSource.manager.findBy(StoredFile, { id: In([...new Set(documents.map((d) => d.fileId))]) });
    await this.files.auditDownload(
      actor,
      documents.map((d) => ({ id: d.fileId, sha256: d.sha256, name: d.name })).filter((d) => files.some((f) => f.id === d.id)),
      { ownerKind, ownerId },
    );
    const zip = new yazl.ZipFile();
    const used = new Set<string>();
    for (const d of documents) {
      let path = `${kindName(type, d.kind)}/v${d.version}-${d.name}`;
      for (let n = 2; used.has(path); n++) path = `${kindName(type, d.kind)}/v${d.version}-${n}-${d.name}`;
      used.add(path);
      zip.addReadStreamLazy(path, { mtime: d.createdAt }, (done) => {
        this.files.open(d.sha256).then(
          (stream) => done(null, stream),
          (error: Error) => done(error, undefined as never),
        );
      });
    }
    zip.end();
    return { stream: zip.outputStream as unknown as Readable, filename: `${type.label}-${ownerId.slice(0, 8)}-材料.zip` };
  }

  /** The current documents of several owners of one kind, for listings and exports (no access check: callers have one). */
  async currentDocuments(ownerKind: string, ownerIds: readonly string[]): Promise<Document[]> {
    if (!ownerIds.length) return [];
    return this.dataSource.manager.find(Document, {
      where: { ownerKind, ownerId: In([...ownerIds]), supersededBy: IsNull() },
      order: { kind: 'ASC', createdAt: 'ASC' },
    });
  }

  private async ownerAccess(actor: Principal, type: DocumentOwnerType, ownerId: string, tx?: EntityManager): Promise<DocumentOwnerAccess> {
    const access = isUuid(ownerId) ? await type.access(actor, ownerId, tx) : null;
    if (!access || !access.read) throw new NotFoundError(type.ownerKind, ownerId);
    return access;
  }

  private newDocument(
    ownerKind: string,
    ownerId: string,
    kind: string,
    file: StoredFile,
    actor: Principal,
    replaced: Document | null,
  ): Document {
    return this.dataSource.manager.create(Document, {
      ownerKind,
      ownerId,
      kind,
      fileId: file.id,
      sha256: file.sha256,
      size: file.size,
      mime: file.contentType,
      name: file.name,
      version: replaced ? replaced.version + 1 : 1,
      replacesId: replaced?.id ?? null,
      supersededBy: null,
      status: 'pending',
      reviewNote: null,
      reviewedBy: null,
      reviewedAt: null,
      uploadedBy: actor.userId,
    });
  }

  private async recordAttach(
    tx: EntityManager,
    actor: Principal,
    d: Document,
    frozen: boolean,
    replaced: Document | null = null,
  ): Promise<void> {
    await this.audit.record(tx, {
      actorId: actor.userId,
      action: replaced ? 'document.replaced' : 'document.attached',
      entityType: d.ownerKind,
      entityId: d.ownerId,
      data: {
        documentId: d.id,
        kind: d.kind,
        sha256: d.sha256,
        name: d.name,
        version: d.version,
        ...(replaced ? { replacedId: replaced.id, replacedSha256: replaced.sha256, afterDecision: frozen } : {}),
      },
    });
  }

  private tooMany(type: DocumentOwnerType): ConflictError {
    return new ConflictError('too_many_documents', `每份${type.label}最多 ${this.config.files.maxFilesPerOwner} 个文件`, {
      limit: this.config.files.maxFilesPerOwner,
    });
  }
}
