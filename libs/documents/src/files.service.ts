import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  CLOCK,
  FILE_STORE,
  ForbiddenError,
  HashingCounter,
  NotFoundError,
  PayloadTooLargeError,
  PRINCIPAL_LOADER,
  UnauthenticatedError,
  UnitOfWork,
  UnsupportedMediaTypeError,
  hasRole,
  isMember,
  isUuid,
  signFileLink,
  verifyFileLink,
} from '@smedx/platform';
import type { AppConfig, Clock, FileStore, Principal, PrincipalLoader, SignedLink } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DocumentOwners } from './document-owners.js';
import { Document } from './entities/document.entity.js';
import { StoredFile } from './entities/stored-file.entity.js';
import { sanitiseFileName } from './file-names.js';
import { detectFileType, UNSUPPORTED_TYPE_MESSAGE } from './file-types.js';
import { fileView } from './documents.views.js';
import type { FileLinkView, FileView } from './documents.views.js';

/** An upload as the HTTP layer hands it over: the client's name and the byte stream, not yet read. */
export interface IncomingFile {
  filename: string;
  stream: Readable;
  /** The organisation the file is for (its quota); defaults to the uploader's only organisation. */
  organisationId?: string;
}

/** Officers whose every download is in the audit trail. */
const AUDITED_READERS = ['district_officer', 'city_officer', 'admin'] as const;

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Fails the pipeline once more than `limit` bytes came through, before they reach the disk. */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(new PayloadTooLargeError('file_too_large', `文件超过大小上限 ${mb(limit)}`, { limitBytes: limit }));
      else done(null, chunk);
    },
  });
}

/**
 * Uploads and downloads. An upload is staged on local disk while it is
 * hashed and counted (never held in memory), its type read from the bytes,
 * the organisation's quota checked, and only then put in the file store
 * under its SHA-256: a refused or broken upload leaves nothing. Downloads are
 * streamed after the caller's right to read the file is checked again.
 */
@Injectable()
export class FilesService implements OnModuleInit {
  private readonly staging: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly owners: DocumentOwners,
    @Inject(FILE_STORE) private readonly store: FileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRINCIPAL_LOADER) private readonly principals: PrincipalLoader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.staging = join(config.dataDir, 'uploads-staging');
  }

  /** Staged uploads of a process that stopped mid-way are removed at start. */
  async onModuleInit(): Promise<void> {
    await mkdir(this.staging, { recursive: true });
    for (const name of await readdir(this.staging)) await rm(join(this.staging, name), { force: true });
  }

  /**
   * Stores one upload: 413 beyond the size limit or the quota, 415 when the
   * bytes are not a PDF, image, Office document or ZIP of those.
   */
  async upload(actor: Principal, input: IncomingFile): Promise<FileView> {
    const organisationId = this.uploadOrganisation(actor, input.organisationId);
    const name = sanitiseFileName(input.filename);
    const staged = join(this.staging, randomUUID());
    try {
      const counter = new HashingCounter();
      await pipeline(input.stream, byteLimit(this.config.files.maxFileBytes), counter, createWriteStream(staged, { flags: 'wx' }));
      const sha256 = counter.digest();
      const type = await detectFileType(staged, name);
      if (!type) throw new UnsupportedMediaTypeError('unsupported_file_type', UNSUPPORTED_TYPE_MESSAGE);
      // The row first, then the blob: a blob is never without a row (the retention sweep removes blobs no row
      // names), and a row without its blob is never handed out (its id is returned only after the put).
      const file = await this.uow.run(async (tx) => {
        await this.assertQuota(tx, actor, organisationId, sha256, counter.bytes);
        return tx.save(
          tx.create(StoredFile, {
            sha256,
            size: counter.bytes,
            contentType: type.mime,
            kind: type.kind,
            name,
            organisationId,
            uploadedBy: actor.userId,
          }),
        );
      });
      try {
        await this.store.put(createReadStream(staged), sha256);
      } catch (error) {
        await this.uow.run((tx) => tx.delete(StoredFile, { id: file.id }));
        throw error;
      }
      return fileView(file);
    } catch (error) {
      // A client that went away mid-upload, or the plugin's own limit: nothing was stored.
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new PayloadTooLargeError('file_too_large', `文件超过大小上限 ${mb(this.config.files.maxFileBytes)}`);
      }
      throw error;
    } finally {
      await rm(staged, { force: true });
    }
  }

  /** The upload's metadata, for whoever may read it (404 otherwise). */
  async get(actor: Principal, id: string): Promise<FileView> {
    return fileView(await this.readable(actor, id));
  }

  /** A short-lived signed link to download the file, for whoever may read it. */
  async link(actor: Principal, id: string): Promise<{ link: SignedLink; expiresAt: Date } & Pick<FileLinkView, 'name'>> {
    const file = await this.readable(actor, id);
    const expiresAt = new Date(this.clock.now().getTime() + this.config.files.linkTtlSeconds * 1000);
    return { link: signFileLink(this.config.auth.jwtSecret, id, actor.userId, expiresAt), expiresAt, name: file.name };
  }

  /**
   * Opens the file for download. The caller is the bearer of a token or,
   * without one, the user a signed link was issued to: either way their right
   * to read the file's owner is checked now, and an officer's download is
   * audited.
   */
  async download(
    actor: Principal | null,
    id: string,
    link: Partial<Record<keyof SignedLink, string>>,
  ): Promise<{ file: StoredFile; stream: Readable }> {
    let reader = actor;
    if (!reader) {
      const signed = { uid: link.uid ?? '', exp: Number(link.exp), sig: link.sig ?? '' };
      if (!link.sig || !verifyFileLink(this.config.auth.jwtSecret, id, signed, this.clock.now())) {
        throw new UnauthenticatedError('a bearer token or an unexpired signed link is required');
      }
      reader = await this.principals.load(signed.uid);
      if (!reader) throw new UnauthenticatedError('the link was issued to a user who no longer exists');
    }
    const file = await this.readable(reader, id);
    await this.auditDownload(reader, [file]);
    return { file, stream: await this.store.open(file.sha256) };
  }

  /** Opens a stored blob (archives of an owner's documents; access checked by the caller). */
  open(sha256: string): Promise<Readable> {
    return this.store.open(sha256);
  }

  /** Records an officer's download of these files (single or as an archive) in the audit trail. */
  async auditDownload(
    reader: Principal,
    files: Pick<StoredFile, 'id' | 'sha256' | 'name'>[],
    archiveOf?: { ownerKind: string; ownerId: string },
  ): Promise<void> {
    if (!hasRole(reader, ...AUDITED_READERS)) return;
    await this.uow.run(async (tx) => {
      for (const file of files) {
        await this.audit.record(tx, {
          actorId: reader.userId,
          action: 'document.downloaded',
          entityType: 'stored_file',
          entityId: file.id,
          data: { sha256: file.sha256, name: file.name, ...(archiveOf ? { archiveOf } : {}) },
        });
      }
    });
  }

  /** A file the actor may attach: their own upload or one of their organisation's. */
  async usable(actor: Principal, id: string): Promise<StoredFile> {
    const file = isUuid(id) ? await this.dataSource.manager.findOneBy(StoredFile, { id }) : null;
    if (!file || !(file.uploadedBy === actor.userId || (file.organisationId && isMember(actor, file.organisationId)))) {
      throw new NotFoundError('file', id);
    }
    return file;
  }

  /**
   * The file when the actor may read it: the uploader and the members of its
   * organisation, and whoever may read an owner it is attached to (the
   * owner's own policy); 404 for everyone else.
   */
  private async readable(actor: Principal, id: string): Promise<StoredFile> {
    const file = isUuid(id) ? await this.dataSource.manager.findOneBy(StoredFile, { id }) : null;
    if (!file) throw new NotFoundError('file', id);
    if (file.uploadedBy === actor.userId || (file.organisationId && isMember(actor, file.organisationId))) return file;
    const attached = await this.dataSource.manager.find(Document, { where: { fileId: id }, select: { ownerKind: true, ownerId: true } });
    const seen = new Set<string>();
    for (const d of attached) {
      const key = `${d.ownerKind}:${d.ownerId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if ((await this.owners.get(d.ownerKind).access(actor, d.ownerId))?.read) return file;
    }
    throw new NotFoundError('file', id);
  }

  private uploadOrganisation(actor: Principal, requested: string | undefined): string | null {
    if (requested) {
      if (!isMember(actor, requested)) throw new ForbiddenError('files are uploaded for an organisation you are a member of', 'not_member');
      return requested;
    }
    const organisations = [...new Set(actor.memberships.map((m) => m.organisationId))];
    if (organisations.length === 1) return organisations[0]!;
    if (organisations.length === 0 && hasRole(actor, 'admin', 'city_officer', 'district_officer', 'assessor')) return null;
    if (organisations.length === 0) throw new ForbiddenError('only members of an organisation and officers upload files', 'not_member');
    throw new ForbiddenError('you belong to several organisations: name the one the file is for (organisationId)', 'organisation_required');
  }

  /**
   * The organisation's (or, without one, the uploader's) stored bytes plus
   * this upload must stay within the quota; bytes it already holds count once.
   * Read inside the transaction that adds the upload, under a lock on the
   * quota's scope on PostgreSQL (SQLite runs write transactions one at a
   * time), so concurrent uploads cannot pass the check together.
   */
  private async assertQuota(
    tx: EntityManager,
    actor: Principal,
    organisationId: string | null,
    sha256: string,
    size: number,
  ): Promise<void> {
    const scope = organisationId ? { column: 's.organisationId', value: organisationId } : { column: 's.uploadedBy', value: actor.userId };
    if (this.dataSource.options.type === 'postgres') {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`file-quota:${scope.value}`]);
    }
    const rows = await tx
      .getRepository(StoredFile)
      .createQueryBuilder('s')
      .select('s.sha256', 'sha256')
      .addSelect('MAX(s.size)', 'size')
      .where(`${scope.column} = :value`, { value: scope.value })
      .groupBy('s.sha256')
      .getRawMany<{ sha256: string; size: string | number }>();
    if (rows.some((r) => r.sha256 === sha256)) return;
    const used = rows.reduce((sum, r) => sum + Number(r.size), 0);
    if (used + size > this.config.files.quotaBytes) {
      throw new PayloadTooLargeError('quota_exceeded', `超出存储配额：已用 ${mb(used)}，上限 ${mb(this.config.files.quotaBytes)}`, {
        usedBytes: used,
        quotaBytes: this.config.files.quotaBytes,
      });
    }
  }
}
