import { Controller, Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiZodQuery, CurrentUser, InvalidInputError, Public, UnsupportedMediaTypeError, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { FilesService, SignedLinkQuerySchema, UploadQuerySchema } from '@smedx/documents';
import type { FileLinkView, FileView, SignedLinkQuery, UploadQuery } from '@smedx/documents';
import { API_PREFIX } from '../http/openapi.js';
import { UuidParam } from '../http/query.js';
import { contentDisposition } from './content-disposition.js';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @ApiOperation({
    summary:
      'Upload one file (multipart field `file`; optional `organisationId`): PDF, image, Office document or ZIP of those, decided from the bytes (415 otherwise), at most FILE_MAX_BYTES (413, nothing stored) → {id, sha256, kind, size, contentType, name}',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiZodQuery(UploadQuerySchema)
  async upload(
    @CurrentUser() actor: Principal,
    @Req() request: FastifyRequest,
    @Query(new ZodPipe(UploadQuerySchema)) query: UploadQuery,
  ): Promise<FileView> {
    if (!request.isMultipart()) {
      throw new UnsupportedMediaTypeError('multipart_required', '请以 multipart/form-data 上传文件（字段名 file）');
    }
    const part = await request.file();
    if (!part || part.fieldname !== 'file')
      throw new InvalidInputError([{ field: 'file', reason: 'is required (one multipart file field named file)' }]);
    const field = part.fields.organisationId;
    const formOrganisation = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined;
    return this.files.upload(actor, {
      filename: part.filename,
      stream: part.file,
      organisationId: query.organisationId ?? formOrganisation,
    });
  }

  @Get(':id/link')
  @ApiOperation({ summary: 'A short-lived signed download URL for the file (FILE_LINK_TTL_SECONDS), for whoever may read it' })
  async link(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string): Promise<FileLinkView> {
    const { link, expiresAt, name } = await this.files.link(actor, id);
    const query = new URLSearchParams({ uid: link.uid, exp: String(link.exp), sig: link.sig });
    return { url: `/${API_PREFIX}/files/${id}?${query}`, name, expiresAt };
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary:
      'Download the file: with a bearer token, or through its signed link (uid, exp, sig); the right to read its owner is checked each time and an officer’s download audited. `inline=1` previews PDF and images',
  })
  @ApiZodQuery(SignedLinkQuerySchema)
  @ApiProduces('application/octet-stream')
  async download(
    @CurrentUser() actor: Principal | null,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(SignedLinkQuerySchema)) query: SignedLinkQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { file, stream } = await this.files.download(actor ?? null, id, query);
    const previewable = file.kind === 'pdf' || file.kind === 'image';
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'private, no-store');
    // Replaces the API's own policy (helmet's, which forbids framing): a PDF previews in the web UI's iframe, so it may be
    // framed by this origin only, under no other restriction the browser's PDF viewer would trip on; anything else is inert.
    reply.header(
      'content-security-policy',
      file.kind === 'pdf' ? "frame-ancestors 'self'" : "default-src 'none'; img-src 'self'; frame-ancestors 'none'; sandbox",
    );
    return new StreamableFile(stream, {
      type: file.contentType,
      length: file.size,
      disposition: contentDisposition(query.inline === '1' && previewable ? 'inline' : 'attachment', file.name),
    });
  }
}
