import type { ServiceFeeKind } from '@smedx/contracts';
import type { ServiceFee } from './entities/service-fee.entity.js';

export interface ServiceFeeView {
  id: string;
  enterpriseId: string;
  enterpriseName: string | null;
  district: string;
  kind: ServiceFeeKind;
  amountFen: number;
  serviceOrganisationName: string;
  serviceOrganisationId: string | null;
  paidAt: Date;
  reference: string | null;
  recordedBy: string;
  createdAt: Date;
}

/** One kind of fee of one enterprise against its cap. */
export interface FeeCapView {
  kind: ServiceFeeKind;
  capFen: number;
  paidFen: number;
  remainingFen: number;
}

/** The answer of `GET /service-fees`: a page of payments, the sums of all that match, and with `enterpriseId` its caps. */
export interface ServiceFeesPage {
  items: ServiceFeeView[];
  total: number;
  page: number;
  pageSize: number;
  sums: Record<ServiceFeeKind, number>;
  caps: FeeCapView[] | null;
}

export function serviceFeeView(f: ServiceFee, enterpriseName: string | null): ServiceFeeView {
  return {
    id: f.id,
    enterpriseId: f.enterpriseId,
    enterpriseName,
    district: f.district,
    kind: f.kind,
    amountFen: f.amountFen,
    serviceOrganisationName: f.serviceOrganisationName,
    serviceOrganisationId: f.serviceOrganisationId,
    paidAt: f.paidAt,
    reference: f.reference,
    recordedBy: f.recordedBy,
    createdAt: f.createdAt,
  };
}
