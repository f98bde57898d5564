import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiZodBody, ApiZodQuery, CurrentUser, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  AttachDocumentSchema,
  AttachToOwnerSchema,
  DocumentsService,
  OwnerKindQuerySchema,
  OwnerQuerySchema,
  ReviewDocumentSchema,
} from '@smedx/documents';
import type {
  AttachDocumentInput,
  AttachToOwnerInput,
  DocumentChecklistView,
  DocumentKindRule,
  DocumentView,
  OwnerKindQuery,
  OwnerQuery,
  ReviewDocumentInput,
} from '@smedx/documents';
import { UuidParam } from '../http/query.js';
import { contentDisposition } from './content-disposition.js';

/**
 * The routes of one owner's documents under the owner's own path
 * (`/<path>/:id/documents`): one controller class per owner, made here.
 */
function ownerDocumentsController(path: string, ownerKind: string, label: string) {
  @ApiTags('documents')
  @ApiBearerAuth()
  @Controller(`${path}/:id/documents`)
  class OwnerDocumentsController {
    constructor(readonly documents: DocumentsService) {}

    @Get()
    @ApiOperation({
      summary: `The ${label}'s documents as a checklist of its kinds (required ones missing listed), for whoever may read it`,
    })
    checklist(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string): Promise<DocumentChecklistView> {
      return this.documents.checklist(actor, ownerKind, id);
    }

    @Post()
    @ApiOperation({
      summary: `Attach an uploaded file to the ${label} {fileId, kind, replaces?} (members of the owning organisation); replaces = a new version, the old one kept; once decided only replacements (409 otherwise)`,
    })
    @ApiZodBody(AttachDocumentSchema)
    attach(
      @CurrentUser() actor: Principal,
      @Param('id', new ZodPipe(UuidParam)) id: string,
      @Body(new ZodPipe(AttachDocumentSchema)) input: AttachDocumentInput,
    ): Promise<DocumentView> {
      return this.documents.attach(actor, ownerKind, id, input);
    }

    @Get('archive')
    @ApiOperation({ summary: `A ZIP of the ${label}'s current documents, one folder per kind; an officer's download is audited` })
    @ApiProduces('application/zip')
    async archive(
      @CurrentUser() actor: Principal,
      @Param('id', new ZodPipe(UuidParam)) id: string,
      @Res({ passthrough: true }) reply: FastifyReply,
    ): Promise<StreamableFile> {
      const { stream, filename } = await this.documents.archive(actor, ownerKind, id);
      reply.header('cache-control', 'private, no-store');
      return new StreamableFile(stream, { type: 'application/zip', disposition: contentDisposition('attachment', filename) });
    }
  }
  Object.defineProperty(OwnerDocumentsController, 'name', { value: `${label.replace(/ /g, '')}DocumentsController` });
  return OwnerDocumentsController;
}

export const SubsidyDocumentsController = ownerDocumentsController('subsidy-applications', 'subsidy_application', 'subsidy application');
export const ProviderDocumentsController = ownerDocumentsController('providers', 'provider', 'provider');
export const ProjectDocumentsController = ownerDocumentsController('projects', 'project', 'project');
export const NominationDocumentsController = ownerDocumentsController('nominations', 'nomination', 'nomination');

/**
 * Documents of any registered owner by `ownerKind` (later owners need no
 * routes of their own), and the reviewer's marks.
 */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('documents/kinds')
  @ApiOperation({ summary: 'The document kinds an owner kind takes, with their Chinese names and which its rule requires' })
  @ApiZodQuery(OwnerKindQuerySchema)
  kinds(@Query(new ZodPipe(OwnerKindQuerySchema)) query: OwnerKindQuery): readonly DocumentKindRule[] {
    return this.documents.kinds(query.ownerKind);
  }

  @Get('documents')
  @ApiOperation({
    summary:
      'The documents of any registered owner {ownerKind, ownerId} as a checklist (any owner, including those without a path of their own)',
  })
  @ApiZodQuery(OwnerQuerySchema)
  list(@CurrentUser() actor: Principal, @Query(new ZodPipe(OwnerQuerySchema)) query: OwnerQuery): Promise<DocumentChecklistView> {
    return this.documents.checklist(actor, query.ownerKind, query.ownerId);
  }

  @Post('documents')
  @ApiOperation({ summary: 'Attach an uploaded file to any registered owner {ownerKind, ownerId, fileId, kind, replaces?}' })
  @ApiZodBody(AttachToOwnerSchema)
  attachToOwner(@CurrentUser() actor: Principal, @Body(new ZodPipe(AttachToOwnerSchema)) input: AttachToOwnerInput): Promise<DocumentView> {
    const { ownerKind, ownerId, ...rest } = input;
    return this.documents.attach(actor, ownerKind, ownerId, rest);
  }

  @Post('documents/:id/review')
  @ApiOperation({
    summary: "A reviewer's mark on a document {status: accepted|questioned, note (required to question)}; 409 once the owner is decided",
  })
  @ApiZodBody(ReviewDocumentSchema)
  review(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(ReviewDocumentSchema)) input: ReviewDocumentInput,
  ): Promise<DocumentView> {
    return this.documents.review(actor, id, input);
  }
}
