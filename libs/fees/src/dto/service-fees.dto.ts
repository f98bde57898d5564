import { z } from 'zod';
import { SERVICE_FEE_KINDS } from '@smedx/contracts';

const uuid = z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a string') }).uuid('must be a UUID');
const kind = z.enum(SERVICE_FEE_KINDS, { error: `must be one of ${SERVICE_FEE_KINDS.join(', ')}` });

/** `POST /service-fees` (officers): one payment, in integer fen. */
export const CreateServiceFeeSchema = z.object({
  enterpriseId: uuid,
  kind,
  amountFen: z
    .number({ error: 'must be a whole number of fen' })
    .int('must be a whole number of fen')
    .min(1, 'must be at least 1 fen')
    .max(100_000_000, 'must be at most 100000000 fen'),
  serviceOrganisationName: z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a string') })
    .trim()
    .min(1, 'is required')
    .max(200, 'must be at most 200 characters'),
  serviceOrganisationId: uuid.optional(),
  paidAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  reference: z.string({ error: 'must be a string' }).trim().max(100, 'must be at most 100 characters').optional(),
});
export type CreateServiceFeeInput = z.infer<typeof CreateServiceFeeSchema>;

const page = z.coerce.number({ error: 'must be a page number' }).int('must be a page number').min(1, 'must be at least 1').default(1);
const pageSize = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100')
  .default(20);

/** `GET /service-fees`: by enterprise, service organisation, kind. */
export const ListServiceFeesSchema = z.object({
  enterpriseId: uuid.optional(),
  serviceOrganisationId: uuid.optional(),
  serviceOrganisationName: z.string({ error: 'must be a string' }).trim().max(200, 'must be at most 200 characters').optional(),
  kind: kind.optional(),
  page,
  pageSize,
});
export type ListServiceFeesQuery = z.infer<typeof ListServiceFeesSchema>;
