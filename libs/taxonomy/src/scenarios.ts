import { codesOf, memberTest, type TaxonomyItem } from './taxonomy-item.js';

/**
 * 'business': one of the 16 business scenes of MIIT's 2024 indicators (数字化经营, graded 1–4);
 * 'foundation': an item of the 数字化基础 dimension that needs and solutions also address.
 */
export type ScenarioKind = 'business' | 'foundation';

export interface Scenario extends TaxonomyItem {
  kind: ScenarioKind;
  /** Title of the group the item sits in within the 2024 questionnaire (`sceneGroups`, or the foundation group). */
  sceneGroup?: string;
}

/**
 * What a need asks for and a solution serves. The business scenes follow the order of
 * `sceneGroups` in the MIIT 2024 questionnaire (中小企业数字化水平评测指标（2024年版）).
 */
export const SCENARIOS: readonly Scenario[] = Object.freeze([
  { code: 'product_design', name: '产品设计', kind: 'business', sceneGroup: '产品生命周期数字化' },
  { code: 'process_design', name: '工艺设计', kind: 'business', sceneGroup: '产品生命周期数字化' },
  { code: 'marketing', name: '营销管理', kind: 'business', sceneGroup: '产品生命周期数字化' },
  { code: 'after_sales', name: '售后服务', kind: 'business', sceneGroup: '产品生命周期数字化' },
  { code: 'planning_scheduling', name: '计划排程', kind: 'business', sceneGroup: '生产执行数字化' },
  { code: 'production_control', name: '生产管控', kind: 'business', sceneGroup: '生产执行数字化' },
  { code: 'quality', name: '质量管理', kind: 'business', sceneGroup: '生产执行数字化' },
  { code: 'equipment', name: '设备管理', kind: 'business', sceneGroup: '生产执行数字化' },
  { code: 'safety', name: '安全生产', kind: 'business', sceneGroup: '生产执行数字化' },
  { code: 'energy', name: '能耗管理', kind: 'business', sceneGroup: '生产执行数字化' },
  { code: 'procurement', name: '采购管理', kind: 'business', sceneGroup: '供应链数字化' },
  { code: 'warehouse_logistics', name: '仓储物流', kind: 'business', sceneGroup: '供应链数字化' },
  { code: 'finance', name: '财务管理', kind: 'business', sceneGroup: '管理决策数字化' },
  { code: 'hr', name: '人力资源', kind: 'business', sceneGroup: '管理决策数字化' },
  { code: 'office_collaboration', name: '协同办公', kind: 'business', sceneGroup: '管理决策数字化' },
  { code: 'decision_support', name: '决策支持', kind: 'business', sceneGroup: '管理决策数字化' },
  { code: 'network', name: '网络建设', kind: 'foundation', sceneGroup: '设备系统' },
  { code: 'device_networking', name: '设备联网', kind: 'foundation', sceneGroup: '设备系统' },
  { code: 'data_collection', name: '数据采集', kind: 'foundation', sceneGroup: '数据采集' },
  { code: 'network_security', name: '网络安全', kind: 'foundation', sceneGroup: '信息安全' },
  { code: 'data_security', name: '数据安全', kind: 'foundation', sceneGroup: '信息安全' },
]);

export const SCENARIO_CODES = codesOf(SCENARIOS);

export const isScenarioCode: (code: string) => boolean = memberTest(SCENARIO_CODES);
