import type { FeeCapView, ServiceFeeView, ServiceFeesPage } from '@smedx/contracts';
import type { ServiceFee } from './entities/service-fee.entity.js';

/** The answers of the service-fee routes: the contract's `ServiceFeeView`, `FeeCapView` and `ServiceFeesPage`. */
export type { FeeCapView, ServiceFeeView, ServiceFeesPage };

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
