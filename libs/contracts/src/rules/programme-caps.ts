/**
 * The money caps of the programme's rules (SPEC capability 17), in fen, shared by the
 * server that enforces them and the browser that shows what is left.
 */

/** 500,000 CNY: the most one award (示范标杆、典型案例、优秀产品 …) carries. */
export const AWARD_CAP_FEN = 50_000_000;

/** 7,000 CNY: the diagnosis fees (评估诊断服务费) paid for one enterprise, in all. */
export const DIAGNOSIS_FEE_CAP_FEN = 700_000;

/** 10,000 CNY: the acceptance-monitoring fees (验收监测服务费) paid for one enterprise, in all. */
export const MONITORING_FEE_CAP_FEN = 1_000_000;

export const SERVICE_FEE_KINDS = ['diagnosis', 'acceptance_monitoring'] as const;
export type ServiceFeeKind = (typeof SERVICE_FEE_KINDS)[number];

/** Each kind of service fee's cap per enterprise. */
export const SERVICE_FEE_CAPS_FEN: Readonly<Record<ServiceFeeKind, number>> = Object.freeze({
  diagnosis: DIAGNOSIS_FEE_CAP_FEN,
  acceptance_monitoring: MONITORING_FEE_CAP_FEN,
});

/** What may still be paid for an enterprise of a kind given what was paid (never below 0). */
export function remainingFeeFen(kind: ServiceFeeKind, paidFen: number): number {
  return Math.max(0, SERVICE_FEE_CAPS_FEN[kind] - paidFen);
}
