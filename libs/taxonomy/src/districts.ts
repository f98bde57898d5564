import { codesOf, memberTest, type TaxonomyItem } from './taxonomy-item.js';

export interface District extends TaxonomyItem {
  /** GB/T 2260 administrative division code, also positions 3–8 of a locally registered USCC. */
  adminCode: string;
}

/** Shenyang's 13 districts and counties, in the official order. */
export const DISTRICTS: readonly District[] = Object.freeze([
  { code: 'heping', name: '和平区', adminCode: '210102' },
  { code: 'shenhe', name: '沈河区', adminCode: '210103' },
  { code: 'dadong', name: '大东区', adminCode: '210104' },
  { code: 'huanggu', name: '皇姑区', adminCode: '210105' },
  { code: 'tiexi', name: '铁西区', adminCode: '210106' },
  { code: 'sujiatun', name: '苏家屯区', adminCode: '210111' },
  { code: 'hunnan', name: '浑南区', adminCode: '210112' },
  { code: 'shenbei', name: '沈北新区', adminCode: '210113' },
  { code: 'yuhong', name: '于洪区', adminCode: '210114' },
  { code: 'liaozhong', name: '辽中区', adminCode: '210115' },
  { code: 'kangping', name: '康平县', adminCode: '210123' },
  { code: 'faku', name: '法库县', adminCode: '210124' },
  { code: 'xinmin', name: '新民市', adminCode: '210181' },
]);

/** Administrative division code of Shenyang as a whole (city-level registrations). */
export const SHENYANG_ADMIN_CODE = '210100';

export const DISTRICT_CODES = codesOf(DISTRICTS);

export const isDistrictCode: (code: string) => boolean = memberTest(DISTRICT_CODES);
