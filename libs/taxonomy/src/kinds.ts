import { codesOf, memberTest, type TaxonomyItem } from './taxonomy-item.js';

export type DeliveryModeCode = 'saas' | 'private' | 'hybrid';
export type ScaleCode = 'above' | 'below';
export type ProviderKindCode = 'integrator' | 'product';

/** How a solution is delivered. */
export const DELIVERY_MODES: readonly (TaxonomyItem & { code: DeliveryModeCode })[] = Object.freeze([
  { code: 'saas', name: 'SaaS云服务' },
  { code: 'private', name: '私有化部署' },
  { code: 'hybrid', name: '混合部署' },
]);

/** Enterprise scale: 规上 (above designated size) or 规下; the plan's rule differs (应改尽改 / 愿改尽改). */
export const SCALES: readonly (TaxonomyItem & { code: ScaleCode })[] = Object.freeze([
  { code: 'above', name: '规上' },
  { code: 'below', name: '规下' },
]);

/** The two kinds of digital service provider the city selects. */
export const PROVIDER_KINDS: readonly (TaxonomyItem & { code: ProviderKindCode })[] = Object.freeze([
  { code: 'integrator', name: '系统集成商' },
  { code: 'product', name: '产品服务商' },
]);

export const DELIVERY_MODE_CODES = codesOf(DELIVERY_MODES);
export const SCALE_CODES = codesOf(SCALES);
export const PROVIDER_KIND_CODES = codesOf(PROVIDER_KINDS);

export const isDeliveryModeCode: (code: string) => boolean = memberTest(DELIVERY_MODE_CODES);
export const isScaleCode: (code: string) => boolean = memberTest(SCALE_CODES);
export const isProviderKindCode: (code: string) => boolean = memberTest(PROVIDER_KIND_CODES);
