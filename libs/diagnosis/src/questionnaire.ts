import { SCENARIOS } from '@smedx/taxonomy';
import { MIIT_DX_LEVEL_2024 } from './miit-dx-level-2024.data.js';
import type { QuestionnaireSource } from './miit-dx-level-2024.data.js';
import type { DimensionDef, GroupDef, NeedTemplate, Questionnaire, QuestionDef, SceneDef } from '@smedx/contracts';

export type { DimensionDef, GroupDef, NeedTemplate, OptionDef, Questionnaire, QuestionDef, SceneDef } from '@smedx/contracts';

const DIMENSION_KEYS: Readonly<Record<string, string>> = { 数字化基础: 'foundation', 数字化管理: 'management', 数字化成效: 'results' };

const GROUP_KEYS: Readonly<Record<string, string>> = {
  设备系统: 'equipment_systems',
  数据采集: 'data_collection',
  信息系统: 'information_systems',
  信息安全: 'information_security',
  规划管理: 'planning_management',
  要素保障: 'resources',
  绿色低碳: 'green',
  产品质量: 'quality',
  市场效益: 'market',
};

/**
 * The stable key of each indicator (by `group/indicator` title) and the need a low score there
 * suggests. The scenario codes are the platform's (`@smedx/taxonomy`): the foundation items map one
 * to one; 信息系统 (business systems, local or cloud) maps to the systems an SME usually starts with
 * (production control / MES, finance, office collaboration); 绿色低碳 and 产品质量 map to 能耗管理 and
 * 质量管理. Planning, management rules, talent, funding and the two market results have no
 * solution scenario, so they show among the weakest but suggest no need.
 */
const INDICATORS: Readonly<Record<string, { key: string; need: NeedTemplate | null }>> = {
  '设备系统/网络建设': { key: 'network', need: { title: '车间网络建设与升级改造', scenarios: ['network'] } },
  '设备系统/设备数字化': {
    key: 'device_digitisation',
    need: { title: '生产设备数字化改造', scenarios: ['device_networking', 'data_collection'] },
  },
  '设备系统/设备联网': { key: 'device_networking', need: { title: '生产设备联网改造', scenarios: ['device_networking'] } },
  '数据采集/数据采集': { key: 'data_collection', need: { title: '业务环节数据自动采集', scenarios: ['data_collection'] } },
  '信息系统/信息系统': {
    key: 'information_systems',
    need: { title: '业务信息系统（本地或云化部署）建设应用', scenarios: ['production_control', 'finance', 'office_collaboration'] },
  },
  '信息安全/网络安全': { key: 'network_security', need: { title: '网络安全防护能力建设', scenarios: ['network_security'] } },
  '信息安全/数据安全': { key: 'data_security', need: { title: '数据安全保障能力建设', scenarios: ['data_security'] } },
  '规划管理/规划实施': { key: 'digital_planning', need: null },
  '规划管理/管理机制': { key: 'management_rules', need: null },
  '要素保障/人才建设': { key: 'digital_talent', need: null },
  '要素保障/资金保障': { key: 'digital_investment', need: null },
  '绿色低碳/绿色低碳': { key: 'energy_intensity', need: { title: '能耗监测与节能降耗数字化改造', scenarios: ['energy'] } },
  '产品质量/产品质量': { key: 'product_quality', need: { title: '质量管理数字化改造', scenarios: ['quality'] } },
  '市场效益/市场表现': { key: 'revenue_per_employee', need: null },
  '市场效益/价值效益': { key: 'cost_ratio', need: null },
};

function keyOf(table: Readonly<Record<string, string>>, title: string, what: string): string {
  const key = table[title];
  if (!key) throw new Error(`questionnaire: no key for ${what} "${title}"`);
  return key;
}

/** Gives every part of the source a stable key; throws at start-up if the source and the key tables disagree. */
export function buildQuestionnaire(source: QuestionnaireSource): Questionnaire {
  const dimensions = source.dimensions.map((d) => ({
    key: keyOf(DIMENSION_KEYS, d.title, 'dimension'),
    title: d.title,
    maxScore: d.maxScore,
    groups: d.groups.map((g) => ({
      key: keyOf(GROUP_KEYS, g.title, 'group'),
      title: g.title,
      maxScore: g.maxScore,
      questions: g.subgroups.map((s) => {
        const indicator = INDICATORS[`${g.title}/${s.title}`];
        const [q, ...more] = s.questions;
        if (!indicator) throw new Error(`questionnaire: no key for indicator "${g.title}/${s.title}"`);
        if (!q || more.length) throw new Error(`questionnaire: indicator "${s.title}" must have exactly one question`);
        return {
          key: indicator.key,
          indicator: s.title,
          title: q.title,
          description: q.description,
          type: q.type,
          maxScore: q.maxScore,
          formFields: q.formFields,
          options: q.options.map((o) => ({
            key: o.key,
            text: o.text,
            score: o.score,
            exclusive: q.type === 'multiple' && o.text === '无',
          })),
          need: indicator.need,
        };
      }),
    })),
  }));
  const scenes = source.sceneGroups.flatMap((g) =>
    g.scenes.map((s) => {
      const scenario = SCENARIOS.find((sc) => sc.kind === 'business' && sc.name === s.title);
      if (!scenario) throw new Error(`questionnaire: scene "${s.title}" is not a business scenario of the taxonomy`);
      return { code: scenario.code, title: s.title, group: g.title, levels: s.levels };
    }),
  );
  return { name: source.name, version: source.version, dimensions, scenes };
}

/** The 2024 questionnaire with its keys: what `GET /diagnoses/questionnaire` serves and scoring reads. */
export const QUESTIONNAIRE: Questionnaire = buildQuestionnaire(MIIT_DX_LEVEL_2024);

/** A question with where it sits, in questionnaire order. */
export interface PlacedQuestion {
  question: QuestionDef;
  group: GroupDef;
  dimension: DimensionDef;
  /** Position in the questionnaire, for stable ordering. */
  order: number;
}

export const QUESTIONS: ReadonlyMap<string, PlacedQuestion> = new Map(
  QUESTIONNAIRE.dimensions
    .flatMap((dimension) => dimension.groups.flatMap((group) => group.questions.map((question) => ({ question, group, dimension }))))
    .map((placed, order) => [placed.question.key, { ...placed, order }]),
);

export const SCENES: ReadonlyMap<string, SceneDef> = new Map(QUESTIONNAIRE.scenes.map((s) => [s.code, s]));

const SCENE_ORDER: ReadonlyMap<string, number> = new Map(QUESTIONNAIRE.scenes.map((s, i) => [s.code, QUESTIONS.size + i]));

/** Position of an indicator (question key) or a scene (scenario code) in the questionnaire, scenes after the indicators. */
export function positionOf(kind: 'indicator' | 'scene', key: string): number {
  return (kind === 'indicator' ? QUESTIONS.get(key)?.order : SCENE_ORDER.get(key)) ?? Number.MAX_SAFE_INTEGER;
}
