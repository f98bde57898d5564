import { z } from 'zod';

const uuid = z.string().uuid({ message: 'must be a UUID' });
const kind = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'must be a document kind code' });

/** `POST /subsidy-applications/:id/documents` and the other owners' attach routes. */
export const AttachDocumentSchema = z.object({
  fileId: uuid,
  kind,
  /** The current document this one replaces (a new version; the old one is kept). */
  replaces: uuid.optional(),
});
export type AttachDocumentInput = z.infer<typeof AttachDocumentSchema>;

/** Documents given with a submission (`POST /subsidy-applications`). */
export const SubmittedDocumentsSchema = z.array(z.object({ fileId: uuid, kind })).max(100);
export type SubmittedDocuments = z.infer<typeof SubmittedDocumentsSchema>;

/** A reviewer's mark on one document; a question needs a note saying what is wrong. */
export const ReviewDocumentSchema = z
  .strictObject({
    status: z.enum(['accepted', 'questioned']),
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((v) => v.status !== 'questioned' || !!v.note, { path: ['note'], message: 'is required to question a document' });
export type ReviewDocumentInput = z.infer<typeof ReviewDocumentSchema>;

export const OwnerQuerySchema = z.object({
  ownerKind: z.string().min(1).max(40),
  ownerId: uuid,
});
export type OwnerQuery = z.infer<typeof OwnerQuerySchema>;

export const OwnerKindQuerySchema = z.object({ ownerKind: z.string().min(1).max(40) });
export type OwnerKindQuery = z.infer<typeof OwnerKindQuerySchema>;

export const AttachToOwnerSchema = AttachDocumentSchema.extend({ ownerKind: z.string().min(1).max(40), ownerId: uuid });
export type AttachToOwnerInput = z.infer<typeof AttachToOwnerSchema>;

/** The query of a signed download link (`GET /files/:id?uid&exp&sig`). */
export const SignedLinkQuerySchema = z.object({
  uid: z.string().max(64).optional(),
  exp: z.string().max(20).optional(),
  sig: z.string().max(100).optional(),
  inline: z.enum(['0', '1']).optional(),
});
export type SignedLinkQuery = z.infer<typeof SignedLinkQuerySchema>;

export const UploadQuerySchema = z.object({ organisationId: uuid.optional() });
export type UploadQuery = z.infer<typeof UploadQuerySchema>;
