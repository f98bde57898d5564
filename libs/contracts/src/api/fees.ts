import { z } from 'zod';
import { SERVICE_FEE_KINDS } from '../rules/programme-caps.js';
import { count, fen, instant, uuid } from '../wire.js';
import { json } from './route.js';

const kind = z.enum(SERVICE_FEE_KINDS);

/** One service fee paid (评估诊断 / 验收监测服务费, SPEC capability 17). */
export const ServiceFeeViewSchema = z.strictObject({
  id: uuid,
  enterpriseId: uuid,
  enterpriseName: z.string().nullable(),
  /** The enterprise's district. */
  district: z.string(),
  kind,
  amountFen: fen,
  serviceOrganisationName: z.string(),
  serviceOrganisationId: uuid.nullable(),
  paidAt: instant,
  reference: z.string().nullable(),
  recordedBy: uuid,
  createdAt: instant,
});
export type ServiceFeeView = z.output<typeof ServiceFeeViewSchema>;

/** One kind of fee of one enterprise against its cap. */
export const FeeCapViewSchema = z.strictObject({
  kind,
  capFen: fen,
  paidFen: fen,
  remainingFen: fen,
});
export type FeeCapView = z.output<typeof FeeCapViewSchema>;

/** The answer of `GET /service-fees`: a page of payments, the sums of all that match, and with `enterpriseId` its caps. */
export const ServiceFeesPageSchema = z.strictObject({
  items: z.array(ServiceFeeViewSchema),
  total: count,
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  sums: z.record(kind, fen),
  caps: z.array(FeeCapViewSchema).nullable(),
});
export type ServiceFeesPage = z.output<typeof ServiceFeesPageSchema>;

export const feeRoutes = {
  'POST /service-fees': json(ServiceFeeViewSchema),
  'GET /service-fees': json(ServiceFeesPageSchema),
} as const;
