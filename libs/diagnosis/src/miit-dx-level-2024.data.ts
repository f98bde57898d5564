/**
 * 中小企业数字化水平评测指标（2024年版）: the MIIT questionnaire as data, generated once from the
 * programme's shared file `data/miit-dx-level-2024.json` (a transcription of the questionnaire of MIIT's
 * online self-assessment system; its `source`, `notes` and `missing` below say how it was taken). Keep
 * it as the source gives it: keys, the scenario codes each indicator maps to and the scoring rule
 * live in `questionnaire.ts` and `scoring.ts`.
 */

export interface SourceOption {
  key: string;
  text: string;
  /** Percentage of the question's maxScore. */
  weight: number;
  score: number;
}

export interface SourceQuestion {
  title: string;
  description: string;
  type: 'single' | 'multiple';
  weight: number;
  /** The best option's score (single) or the sum of every option's score (multiple). */
  maxScore: number;
  sceneType: string;
  /** Free-text data fields the form asks for beside the question. */
  formFields: string[];
  options: SourceOption[];
}

export interface SourceSubgroup {
  title: string;
  weight: number;
  maxScore: number;
  questions: SourceQuestion[];
}

export interface SourceGroup {
  title: string;
  weight: number;
  maxScore: number;
  subgroups: SourceSubgroup[];
}

export interface SourceDimension {
  title: string;
  weight: number;
  maxScore: number;
  groups: SourceGroup[];
}

export interface SourceScene {
  title: string;
  sceneType: number;
  levels: { level: number; description: string }[];
}

export interface SourceSceneGroup {
  title: string;
  sceneType: number;
  scenes: SourceScene[];
}

export interface QuestionnaireSource {
  name: string;
  source: string;
  version: string;
  complete: boolean;
  missing: string;
  notes: string[];
  dimensions: SourceDimension[];
  sceneGroups: SourceSceneGroup[];
}

export const MIIT_DX_LEVEL_2024: QuestionnaireSource = {
  name: '中小企业数字化水平评测指标（2024年版）',
  source: 'MIIT 2024 questionnaire as published by its online self-assessment system; transcribed data, partial where noted',
  version: '2024',
  complete: true,
  missing:
    'Nothing is cut off: the source JSON string is whole (storeList and sceneStoreList both close). The source itself has no weights or scores for the 16 business scenes in sceneStoreList (the 数字化经营 part, graded level 1-4), and no rule that turns the 100-point score plus scene levels into an overall grade; neither is therefore in this file.',
  notes: [
    'Levels kept as in the source: dimension (titleType 1) > group (titleType 1) > subgroup / indicator (titleType 2) > question (titleType 3) > option (titleType 4).',
    "weight is the percentage of the parent's score; maxScore at dimension/group/subgroup level is the source's 'score' field, and for a question it is the best option's score (single) or the sum of all option scores (multiple).",
    "Option weight is the option's percentage of the question's maxScore; option A '无' scores 0 in every multiple-choice question (presumably exclusive of the others).",
    'formFields are the names of the free-text data fields the form asks for beside a question (all values empty in the source). sceneType is empty for every question in the source.',
    "sceneGroups is the source's sceneStoreList: 4 groups, 16 scenes, each with level 1-4 descriptions; sceneType there is 1 or 2 as in the source, meaning not stated.",
    'Trailing spaces in a few source texts were trimmed; float artefacts (0.7000000000000001, 0.8999999999999999) rounded to 4 decimals.',
    "Another public third-party transcription gives option F of 企业对数字化的认识与执行水平情况 as '已经能够输出数字化转型成果或经验供同行借鉴' (and orders some scene levels 3/4 differently); this file keeps the text of the source named above.",
  ],
  dimensions: [
    {
      title: '数字化基础',
      weight: 50,
      maxScore: 50,
      groups: [
        {
          title: '设备系统',
          weight: 40,
          maxScore: 20,
          subgroups: [
            {
              title: '网络建设',
              weight: 40,
              maxScore: 8,
              questions: [
                {
                  title: '企业网络建设连接情况',
                  description: '',
                  type: 'multiple',
                  weight: 100,
                  maxScore: 8,
                  sceneType: '',
                  formFields: [],
                  options: [
                    {
                      key: 'A',
                      text: '无',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '企业车间建成工控网络，支持自动化控制应用',
                      weight: 25,
                      score: 2,
                    },
                    {
                      key: 'C',
                      text: '企业建成应用系统网络，实现大规模设备、人员与信息系统互联，可支持大规模设备、人员与信息系统互联',
                      weight: 25,
                      score: 2,
                    },
                    {
                      key: 'D',
                      text: '企业建设/租用5G工业网络，支撑系统互联和网络协同应用，满足AGV、工业互联网等规模化移动应用场景需求',
                      weight: 25,
                      score: 2,
                    },
                    {
                      key: 'E',
                      text: '网络全面覆盖生产现场与环节，具备未来智能化新应用的扩展能力',
                      weight: 25,
                      score: 2,
                    },
                  ],
                },
              ],
            },
            {
              title: '设备数字化',
              weight: 30,
              maxScore: 6,
              questions: [
                {
                  title: '企业的生产设备数字化率',
                  description:
                    '设备数字化率：是指企业现有生产设备的数字化程度，即数字化生产设备占总生产设备数量的比例，其数值=数字化生产设备数量/总生产设备数量×100%',
                  type: 'single',
                  weight: 100,
                  maxScore: 6,
                  sceneType: '',
                  formFields: ['具体数据', '其中生产设备数量为（台）', '实现数字化的生产设备数量为（台）'],
                  options: [
                    {
                      key: 'A',
                      text: '[0-10%]',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '(10%,20%]',
                      weight: 25,
                      score: 1.5,
                    },
                    {
                      key: 'C',
                      text: '(20%,40%]',
                      weight: 50,
                      score: 3,
                    },
                    {
                      key: 'D',
                      text: '(40%,60%]',
                      weight: 75,
                      score: 4.5,
                    },
                    {
                      key: 'E',
                      text: '(60%,100%]',
                      weight: 100,
                      score: 6,
                    },
                  ],
                },
              ],
            },
            {
              title: '设备联网',
              weight: 30,
              maxScore: 6,
              questions: [
                {
                  title: '企业的生产设备联网率',
                  description: '设备联网率：指联网设备占设备总数的比重，其数值=实现联网的生产设备数量/总生产设备数量×100%。',
                  type: 'single',
                  weight: 100,
                  maxScore: 6,
                  sceneType: '',
                  formFields: ['具体数据', '其中实现联网的生产设备数量为（台）'],
                  options: [
                    {
                      key: 'A',
                      text: '[0-10%]',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '(10%,20%]',
                      weight: 25,
                      score: 1.5,
                    },
                    {
                      key: 'C',
                      text: '(20%,40%]',
                      weight: 50,
                      score: 3,
                    },
                    {
                      key: 'D',
                      text: '(40%,60%]',
                      weight: 75,
                      score: 4.5,
                    },
                    {
                      key: 'E',
                      text: '(60%,100%]',
                      weight: 100,
                      score: 6,
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          title: '数据采集',
          weight: 20,
          maxScore: 10,
          subgroups: [
            {
              title: '数据采集',
              weight: 100,
              maxScore: 10,
              questions: [
                {
                  title: '企业实现数据自动采集的业务环节覆盖范围',
                  description: '',
                  type: 'multiple',
                  weight: 100,
                  maxScore: 10,
                  sceneType: '',
                  formFields: [],
                  options: [
                    {
                      key: 'A',
                      text: '无',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '产品设计',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'C',
                      text: '工艺设计',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'D',
                      text: '营销管理',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'E',
                      text: '售后服务',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'F',
                      text: '计划排程',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'G',
                      text: '生产管控',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'H',
                      text: '质量管理',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'I',
                      text: '设备管理',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'J',
                      text: '安全生产',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'K',
                      text: '能耗管理',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'L',
                      text: '采购管理',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'M',
                      text: '仓储物流',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'N',
                      text: '财务管理',
                      weight: 7,
                      score: 0.7,
                    },
                    {
                      key: 'O',
                      text: '人力资源',
                      weight: 9,
                      score: 0.9,
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          title: '信息系统',
          weight: 20,
          maxScore: 10,
          subgroups: [
            {
              title: '信息系统',
              weight: 100,
              maxScore: 10,
              questions: [
                {
                  title: '企业使用本地或云化部署的信息化服务，实现业务的数字化管理情况',
                  description: '',
                  type: 'single',
                  weight: 100,
                  maxScore: 10,
                  sceneType: '',
                  formFields: [],
                  options: [
                    {
                      key: 'A',
                      text: '无',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '单个业务环节',
                      weight: 25,
                      score: 2.5,
                    },
                    {
                      key: 'C',
                      text: '多个业务环节（2个及以上）',
                      weight: 50,
                      score: 5,
                    },
                    {
                      key: 'D',
                      text: '绝大部分业务环节（大于80%）',
                      weight: 75,
                      score: 7.5,
                    },
                    {
                      key: 'E',
                      text: '全覆盖',
                      weight: 100,
                      score: 10,
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          title: '信息安全',
          weight: 20,
          maxScore: 10,
          subgroups: [
            {
              title: '网络安全',
              weight: 50,
              maxScore: 5,
              questions: [
                {
                  title: '企业在保障网络安全方面采取的举措',
                  description: '',
                  type: 'multiple',
                  weight: 100,
                  maxScore: 5,
                  sceneType: '',
                  formFields: [],
                  options: [
                    {
                      key: 'A',
                      text: '无',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '建立了网络安全管理制度',
                      weight: 25,
                      score: 1.25,
                    },
                    {
                      key: 'C',
                      text: '使用了网络安全产品及服务（如防火墙、网络分区、入侵检测、身份认证等）',
                      weight: 25,
                      score: 1.25,
                    },
                    {
                      key: 'D',
                      text: '自行或委托专业评估机构实施网络安全风险评估',
                      weight: 25,
                      score: 1.25,
                    },
                    {
                      key: 'E',
                      text: '建立网络边界安全访问控制能力，及网络关键节点入侵检测和恶意代码检测能力',
                      weight: 25,
                      score: 1.25,
                    },
                  ],
                },
              ],
            },
            {
              title: '数据安全',
              weight: 50,
              maxScore: 5,
              questions: [
                {
                  title: '企业在保障数据安全方面采取的举措',
                  description: '',
                  type: 'multiple',
                  weight: 100,
                  maxScore: 5,
                  sceneType: '',
                  formFields: [],
                  options: [
                    {
                      key: 'A',
                      text: '无',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '建立了数据安全管理制度',
                      weight: 25,
                      score: 1.25,
                    },
                    {
                      key: 'C',
                      text: '使用了数据安全产品及服务（如数据加密、数据备份与恢复、数据脱敏、数据分级分类保护等）',
                      weight: 25,
                      score: 1.25,
                    },
                    {
                      key: 'D',
                      text: '自行或委托专业评估机构实施数据安全风险评估',
                      weight: 25,
                      score: 1.25,
                    },
                    {
                      key: 'E',
                      text: '建立数据台账（类型、用途、数量、数据源单位、使用单位等），定期开展数据安全保障能力核验',
                      weight: 25,
                      score: 1.25,
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      title: '数字化管理',
      weight: 30,
      maxScore: 30,
      groups: [
        {
          title: '规划管理',
          weight: 50,
          maxScore: 15,
          subgroups: [
            {
              title: '规划实施',
              weight: 50,
              maxScore: 7.5,
              questions: [
                {
                  title: '企业对数字化的认识与执行水平情况',
                  description: '',
                  type: 'single',
                  weight: 100,
                  maxScore: 7.5,
                  sceneType: '',
                  formFields: [],
                  options: [
                    {
                      key: 'A',
                      text: '无',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '已经主动了解数字化相关内容',
                      weight: 20,
                      score: 1.5,
                    },
                    {
                      key: 'C',
                      text: '已经制定实施数字化的规划、计划及保障措施等',
                      weight: 40,
                      score: 3,
                    },
                    {
                      key: 'D',
                      text: '已经着手开始进行单点或多点的数字化改造',
                      weight: 60,
                      score: 4.5,
                    },
                    {
                      key: 'E',
                      text: '已经通过数字化手段实现业务模式、管理决策方式的改变并取得成效',
                      weight: 80,
                      score: 6,
                    },
                    {
                      key: 'F',
                      text: '定期组织员工去数字化建设成效较好的同行业公司参观交流，增强数字化转型意识',
                      weight: 100,
                      score: 7.5,
                    },
                  ],
                },
              ],
            },
            {
              title: '管理机制',
              weight: 50,
              maxScore: 7.5,
              questions: [
                {
                  title: '企业数字化管理制度的建立情况',
                  description: '',
                  type: 'multiple',
                  weight: 100,
                  maxScore: 7.5,
                  sceneType: '',
                  formFields: [],
                  options: [
                    {
                      key: 'A',
                      text: '无',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '建立数字化转型实施工作流程',
                      weight: 25,
                      score: 1.875,
                    },
                    {
                      key: 'C',
                      text: '建立信息系统建设及运营管理制度',
                      weight: 25,
                      score: 1.875,
                    },
                    {
                      key: 'D',
                      text: '建立数据资源管理制度',
                      weight: 25,
                      score: 1.875,
                    },
                    {
                      key: 'E',
                      text: '建立与数字化融合的科研、业务、产品等方面的创新激励制度',
                      weight: 25,
                      score: 1.875,
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          title: '要素保障',
          weight: 50,
          maxScore: 15,
          subgroups: [
            {
              title: '人才建设',
              weight: 50,
              maxScore: 7.5,
              questions: [
                {
                  title: '企业在数字化人才建设方面采取的举措',
                  description:
                    '数字化人才：是指具备ICT(信息通信技术)专业技能和补充技能的人才，他们在企业内部的各个岗位上发挥作用，包括传统信息技术部门的技术人员、业务部门中精通信息系统并熟练操作的专业人员，以及在数字化转型中新兴的横跨各种组织职能的角色。数字化人才通常划分三个层级：其一是数字化技术人才，掌握计算机、大数据、人工智能、通信等相关的数字化技术；其二是数字化管理人才，从战略上落地实施数字化战术，深谙商业价值、经营理念；其三是数字化应用人才，以企业核心资产的价值推动业务数字化应用能力增长，具有优化重构业务增长的分析能力。',
                  type: 'multiple',
                  weight: 100,
                  maxScore: 7.5,
                  sceneType: '',
                  formFields: [],
                  options: [
                    {
                      key: 'A',
                      text: '无',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '配备专职/兼职的数字化人才',
                      weight: 20,
                      score: 1.5,
                    },
                    {
                      key: 'C',
                      text: '设置专门的数字化岗位/部门',
                      weight: 20,
                      score: 1.5,
                    },
                    {
                      key: 'D',
                      text: '定期对员工开展数字化方面培训',
                      weight: 20,
                      score: 1.5,
                    },
                    {
                      key: 'E',
                      text: '有明确的数字化人才绩效及薪酬管理',
                      weight: 20,
                      score: 1.5,
                    },
                    {
                      key: 'F',
                      text: '有明确的数字化人才梯度培育机制',
                      weight: 20,
                      score: 1.5,
                    },
                  ],
                },
              ],
            },
            {
              title: '资金保障',
              weight: 50,
              maxScore: 7.5,
              questions: [
                {
                  title: '企业近三年平均数字化投入总额占营业额的平均比例（企业成立不满三年按照实际成立时长计算年均投入）',
                  description: '',
                  type: 'single',
                  weight: 100,
                  maxScore: 7.5,
                  sceneType: '',
                  formFields: ['具体数据为（万元/年）'],
                  options: [
                    {
                      key: 'A',
                      text: '[0-10%]',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '(10%,20%]',
                      weight: 25,
                      score: 1.875,
                    },
                    {
                      key: 'C',
                      text: '(20%,40%]',
                      weight: 50,
                      score: 3.75,
                    },
                    {
                      key: 'D',
                      text: '(40%,60%]',
                      weight: 75,
                      score: 5.625,
                    },
                    {
                      key: 'E',
                      text: '(60%,100%]',
                      weight: 100,
                      score: 7.5,
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      title: '数字化成效',
      weight: 20,
      maxScore: 20,
      groups: [
        {
          title: '绿色低碳',
          weight: 35,
          maxScore: 7,
          subgroups: [
            {
              title: '绿色低碳',
              weight: 100,
              maxScore: 7,
              questions: [
                {
                  title: '企业数字化改造后每百元营业收入中综合能源消费量相比于改造前的变化情况',
                  description:
                    '综合能源消费量：指企业（单位）在报告期内工业生产实际消费的各种能源(扣除能源加工转换产出和能源回收利用等重复因素)的总和。计算方法参考国家统计局制定的《能源报表统计制度》中的《能源购进、消费与库存》(205-1表)和《能源加工转换与回收利用》(205-2表)。',
                  type: 'single',
                  weight: 100,
                  maxScore: 7,
                  sceneType: '',
                  formFields: ['企业上年综合能源消费量为（吨标准煤）', '前年数据为（吨标准煤）'],
                  options: [
                    {
                      key: 'A',
                      text: '增加',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '持平',
                      weight: 50,
                      score: 3.5,
                    },
                    {
                      key: 'C',
                      text: '降低',
                      weight: 100,
                      score: 7,
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          title: '产品质量',
          weight: 35,
          maxScore: 7,
          subgroups: [
            {
              title: '产品质量',
              weight: 100,
              maxScore: 7,
              questions: [
                {
                  title: '企业数字化改造后月均产品合格率相比于改造前的变化情况',
                  description: '',
                  type: 'single',
                  weight: 100,
                  maxScore: 7,
                  sceneType: '',
                  formFields: ['具体数值为'],
                  options: [
                    {
                      key: 'A',
                      text: '降低',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '持平',
                      weight: 50,
                      score: 3.5,
                    },
                    {
                      key: 'C',
                      text: '增加',
                      weight: 100,
                      score: 7,
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          title: '市场效益',
          weight: 30,
          maxScore: 6,
          subgroups: [
            {
              title: '市场表现',
              weight: 50,
              maxScore: 3,
              questions: [
                {
                  title: '企业上年度人均营业收入相比于前年变化情况',
                  description: '',
                  type: 'single',
                  weight: 100,
                  maxScore: 3,
                  sceneType: '',
                  formFields: ['企业上年员工人数为（人）', '营业收入为（万元）', '前年员工人数为（人）', '营业收入为（万元）'],
                  options: [
                    {
                      key: 'A',
                      text: '降低',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '持平',
                      weight: 50,
                      score: 1.5,
                    },
                    {
                      key: 'C',
                      text: '增加',
                      weight: 100,
                      score: 3,
                    },
                  ],
                },
              ],
            },
            {
              title: '价值效益',
              weight: 50,
              maxScore: 3,
              questions: [
                {
                  title: '企业上年度每百元营业收入中的成本相比于前年变化情况',
                  description: '',
                  type: 'single',
                  weight: 100,
                  maxScore: 3,
                  sceneType: '',
                  formFields: ['企业上年成本为（万元）', '前年成本为（万元）'],
                  options: [
                    {
                      key: 'A',
                      text: '增加',
                      weight: 0,
                      score: 0,
                    },
                    {
                      key: 'B',
                      text: '持平',
                      weight: 50,
                      score: 1.5,
                    },
                    {
                      key: 'C',
                      text: '降低',
                      weight: 100,
                      score: 3,
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  sceneGroups: [
    {
      title: '产品生命周期数字化',
      sceneType: 2,
      scenes: [
        {
          title: '产品设计',
          sceneType: 1,
          levels: [
            {
              level: 1,
              description: '通过设计软件工具（如CAD、CAE、EDA等）辅助开展产品设计。',
            },
            {
              level: 2,
              description:
                '应用信息化系统开展产品设计，实现产品设计过程或版本的数字化、规范化管理，形成完整的产品设计资料（如方案、图纸、模型、设计BOM、版本、技术变更等）管理标准，并有效执行。',
            },
            {
              level: 3,
              description:
                '建立典型产品组件及关键零部件的标准库及典型产品设计知识库，并能在产品设计时进行匹配、引用或参考，实现产品设计与工艺设计的协同，实现数据跨部门共享。',
            },
            {
              level: 4,
              description:
                '运用仿真分析等技术实现对产品外观、结构、性能等进行试验验证或迭代优化等功能，并实现产业链上下游间的多方信息交互、协同设计或产品创新。',
            },
          ],
        },
        {
          title: '工艺设计',
          sceneType: 2,
          levels: [
            {
              level: 1,
              description: '应用设计软件工具（如CAM、CAPP等）基于产品设计数据辅助开展工艺设计。',
            },
            {
              level: 2,
              description:
                '应用信息化系统开展工艺设计，并实现设计过程的数字化、规范化管理，形成完整的工艺设计数据（工艺方案、工艺流程、工艺文件、制造BOM、版本、技术变更等）管理标准，并有效执行。',
            },
            {
              level: 3,
              description:
                '建立典型制造工艺流程、参数、资源等关键要素的知识库，并能在新产品工艺设计时进行匹配、引用或参考；实现工艺设计与生产系统间的数据交互、并行协同。',
            },
            {
              level: 4,
              description: '建立数据模型，基于质量、成本等数据运用三维仿真等技术实现对于工艺设计的模拟仿真、迭代优化。',
            },
          ],
        },
        {
          title: '营销管理',
          sceneType: 1,
          levels: [
            {
              level: 1,
              description:
                '借助信息技术工具（如电子表格、云存储等）对销售信息（如销售计划、销售订单、销售运行、客户信息或销售业绩等）进行辅助记录和管理。',
            },
            {
              level: 2,
              description: '使用信息化系统对营销信息（如销售计划、销售订单、销售运行、客户信息或销售业绩等）进行规范化管理。',
            },
            {
              level: 3,
              description:
                '基于销售信息化系统实现对营销信息（如销售计划、销售订单、销售运行、客户信息或销售业绩等）的实时管控，实现销售信息化系统与生产、库存、财务等系统的数字化协同。',
            },
            {
              level: 4,
              description:
                '使用人工智能等前沿技术，实现销售、财务、生产、供应链之间的数字化协同，实现实时销售预测，并自动或半自动制定采购、生产、物流等计划或方案，不断提升柔性化制造水平。',
            },
          ],
        },
        {
          title: '售后服务',
          sceneType: 2,
          levels: [
            {
              level: 1,
              description: '运用信息技术工具（如小程序、APP等）对售后服务流程进行辅助管理。',
            },
            {
              level: 2,
              description: '运用信息化系统实现售后服务流程的数字化、规范化管理，并与设计、工艺、生产、销售部门进行信息共享。',
            },
            {
              level: 3,
              description:
                '建立售后问题清单，实现售后问题的快速响应，并能够指导产品设计、工艺优化，实现售后服务与财务、质量等的系统的数字化协同（如供应商索赔、本厂质量考核账务处理等）。',
            },
            {
              level: 4,
              description:
                '基于信息系统实现面向客户的精细化管理（如远程运维、主动式客户服务等内容）； 或建立客户服务数据模型，实现满足客户需求的精准服务。',
            },
          ],
        },
      ],
    },
    {
      title: '生产执行数字化',
      sceneType: 2,
      scenes: [
        {
          title: '计划排程',
          sceneType: 2,
          levels: [
            {
              level: 1,
              description: '应用信息技术工具（如电子表格、云存储等）辅助人工编制生产计划。',
            },
            {
              level: 2,
              description: '应用信息化系统辅助生成生产计划，基于生产计划进行生产准备检查（如物料、设备等），实现规范化管理。',
            },
            {
              level: 3,
              description:
                '应用信息化系统实现基于物料安全库存、销售订单、采购提前期、生产交期等多约束条件自动生成生产计划，并实现生产计划的下达与执行。',
            },
            {
              level: 4,
              description:
                '运用人工智能等前沿技术，建立生产排产与调度算法模型，实现自动给出满足多种约束条件的优化排产方案，形成优化的详细生产作业计划，生产情况实时监测，提前处理生产过程中的波动和风险，实现动态实时的生产排产和调度。',
            },
          ],
        },
        {
          title: '生产管控',
          sceneType: 1,
          levels: [
            {
              level: 1,
              description: '应用信息技术工具（如电子表格、云存储等）辅助人工进行生产工单数据的记录。',
            },
            {
              level: 2,
              description: '应用信息化系统实现生产工单信息（如生产工单进度、产量、物料领用/耗用等）录入、跟踪，实现规范化管理。',
            },
            {
              level: 3,
              description:
                '应用信息化系统对生产工单信息、工艺参数进行数据采集，实现对生产过程中工单、物料、设备等的管控，实现信息化系统与其他系统（如生产计划、质量或设备等）的协同，实现数据共享。',
            },
            {
              level: 4,
              description:
                '运用人工智能等前沿技术建立生产运行监测预警算法模型，实现对生产过程中工艺参数、设备状态、生产过程等生产作业数据的在线分析与实时监测预警，并驱动生产过程的迭代优化与闭环管控，不断优化生产管理。',
            },
          ],
        },
        {
          title: '质量管理',
          sceneType: 1,
          levels: [
            {
              level: 1,
              description: '应用信息技术工具（如电子表格、云存储等）辅助开展产品质量信息的管理。',
            },
            {
              level: 2,
              description: '实现生产过程质量数据的数字化采集录入、统计与管理，基于信息化系统实现质量管理流程的规范化管理。',
            },
            {
              level: 3,
              description:
                '应用数字化检测设备及信息化系统实现关键工序质量检测，自动对检测结果判断和报警；或应用信息化系统实现对原材料、半成品、成品质量可追溯。',
            },
            {
              level: 4,
              description:
                '应用前沿技术（如视觉质检）开展产品质量检测，提升检测效率和检测水平，开展产业链上下游质量数据跨企业共享； 或构建产品质量管理模型，实现产品质量影响因素识别及缺陷预测性分析。',
            },
          ],
        },
        {
          title: '设备管理',
          sceneType: 1,
          levels: [
            {
              level: 1,
              description: '通过人工或手持仪器开展设备点巡检，并应用信息技术工具辅助制定设备管理台账。',
            },
            {
              level: 2,
              description: '通过信息技术手段制定设备维护计划，开展设备点巡检、维护保养等功能，实现设备的规范化管理。',
            },
            {
              level: 3,
              description:
                '基于信息化系统实现设备关键运行参数数据的实时采集、故障分析和远程诊断，并依据设备关键运行参数等，实现设备综合效率（OEE）统计。',
            },
            {
              level: 4,
              description:
                '建立设备运行模型和设备故障知识库，实现设备故障自动预警及自动制定预测维护解决方案，并基于设备综合效率的分析等驱动工艺优化和生产作业计划优化。',
            },
          ],
        },
        {
          title: '安全生产',
          sceneType: 1,
          levels: [
            {
              level: 1,
              description: '应用信息技术工具辅助开展车间安全生产规范的制定及管理。',
            },
            {
              level: 2,
              description: '应用信息技术手段实现安全作业规范化管理，开展安全风险数据、重大危险源等在线监测。',
            },
            {
              level: 3,
              description:
                '实现危险废物存储、运输的全流程信息化管理，实现安全生产风险实时报警，建立安全应急预案，实现安全事故处理与相关部门及时协同。',
            },
            {
              level: 4,
              description: '基于安全作业、风险管控等数据的分析及建模，实现危险源的预防性管理、自动预警及响应处理。',
            },
          ],
        },
        {
          title: '能耗管理',
          sceneType: 1,
          levels: [
            {
              level: 1,
              description: '应用信息技术工具（如电子表格、云存储等）辅助人工进行能耗数据记录。',
            },
            {
              level: 2,
              description: '应用信息化系统收集和管理水、电、气、液等能耗数据，实现基于能耗数据的统计分析，实现规范化管理。',
            },
            {
              level: 3,
              description:
                '应用信息化系统或平台，实时采集和管理水、电、气、液以及影响设备能耗的关键数据，实现设备能耗的监测分析与相关部门协同管控优化。',
            },
            {
              level: 4,
              description: '建立设备能耗监测与优化算法模型，实现设备能耗实时监测、能源转化效率分析、未来能耗预测及能源优化调度等。',
            },
          ],
        },
      ],
    },
    {
      title: '供应链数字化',
      sceneType: 2,
      scenes: [
        {
          title: '采购管理',
          sceneType: 1,
          levels: [
            {
              level: 1,
              description: '借助信息技术工具（如电子表格、云存储等），辅助记录采购订单信息和采购过程信息。',
            },
            {
              level: 2,
              description: '应用信息化系统对采购管理信息（如采购需求、采购订单、采购过程或供应商等）进行规范化管理。',
            },
            {
              level: 3,
              description:
                '实现供应商管理、询报比价、采购计划、采购执行的全过程管理，实现应用采购信息化系统与生产、仓储、财务等信息化系统的数字化协同。',
            },
            {
              level: 4,
              description:
                '运用人工智能等前沿技术，实现采购与内外部供应链之间的数字化协同，并实现供应链风险预警预测，动态优化采购策略和方案。',
            },
          ],
        },
        {
          title: '仓储物流',
          sceneType: 1,
          levels: [
            {
              level: 1,
              description: '使用信息技术工具（如电子表格、云存储等）辅助记录出入库信息，实现对库存数据的采集管理。',
            },
            {
              level: 2,
              description: '使用信息化系统，对物料、成品、半成品、耗材等出入库、库存等数据信息进行统计，实现规范化管理。',
            },
            {
              level: 3,
              description: '实现仓储管理信息化系统与生产、采购、财务等信息化系统的数字化协同。',
            },
            {
              level: 4,
              description:
                '使用人工智能等前沿技术，实现仓储物流与供应商库存或客户生产计划间的数字化协同，并能够自动实现物流计划的自动制定实施或厂内物料自动配送； 或按照产供销状况，实现智能仓储（如智能预测库存需求，自动调整库存补货策略等）及厂外智能物流（物流监测与策略优化）。',
            },
          ],
        },
      ],
    },
    {
      title: '管理决策数字化',
      sceneType: 2,
      scenes: [
        {
          title: '财务管理',
          sceneType: 1,
          levels: [
            {
              level: 1,
              description: '使用信息化系统辅助实现日常财务记录，基本的总账管理和财务报表生成（如资产负债表、利润表、现金流量表）。',
            },
            {
              level: 2,
              description: '使用信息化系统，实现总账、往来、存货、固定资产、出纳等与财务会计核算的协同，对财务实现规范化管理。',
            },
            {
              level: 3,
              description:
                '实现业务数据与财务管理的协同，能支持企业的管理会计核算，实现通过财务的分析辅助决策，帮助企业快速掌握资产、负债、收入、成本、盈利能力等变动和使用情况，实现资产的优化配置和利用。',
            },
            {
              level: 4,
              description: '实现企业内外部协同，实现企业财务管理全面智能化和数据驱动，并实现对企业未来的财务状况进行预测、规划和风险评估。',
            },
          ],
        },
        {
          title: '人力资源',
          sceneType: 2,
          levels: [
            {
              level: 1,
              description: '采用信息技术工具（如电子表格、云存储等），辅助实现员工、流程的信息记录。',
            },
            {
              level: 2,
              description: '基于信息化系统实现对考勤和薪酬福利等核心流程的规范化管理。',
            },
            {
              level: 3,
              description: '利用人力资源数据分析工具进行关键指标分析，数据驱动人力资源战略规划和决策制定。',
            },
            {
              level: 4,
              description: '应用人工智能等前沿技术，实现个性化绩效管理、智能招聘与人才画像、个性化的培训和发展计划，支持战略性人才管理。',
            },
          ],
        },
        {
          title: '协同办公',
          sceneType: 2,
          levels: [
            {
              level: 1,
              description: '应用信息技术工具（如电子邮件或文档共享服务等通讯工具）辅助日常沟通和简单的信息共享文档处理。',
            },
            {
              level: 2,
              description: '部署具有更丰富功能的协同平台或办公软件，实现日常业务（如请假、报销、审批、通知、公告或新闻等）流程的数字化。',
            },
            {
              level: 3,
              description:
                '应用协同平台实现与财务、采购、生产、项目管理等专业业务管理系统集成，实现数据共享和业务流程的无缝对接，且利用移动工具，提升跨部门协作效率和响应速度。',
            },
            {
              level: 4,
              description:
                '应用人工智能等前沿技术实现内部、外部数据的协同，在自动问答、智能推荐、智能预测分析和自适应工作流程等办公场景，组织员工在高度互联和智能化环境中实现无缝协作办公。',
            },
          ],
        },
        {
          title: '决策支持',
          sceneType: 2,
          levels: [
            {
              level: 1,
              description: '运用信息技术工具辅助收集企业生产经营过程基本数据，为管理者提供简单的决策建议或方向。',
            },
            {
              level: 2,
              description: '运用信息化系统，整合关键业务环节的数据，使用业务关联分析和决策支持工具，提供直观的可视化数据。',
            },
            {
              level: 3,
              description:
                '利用数据驱动平台针对特定业务场景（如工艺设计、报价策略、生产计划、变更管理等）实施数据模拟与效能优化，助力决策者精准评估并采纳最佳实践方案。',
            },
            {
              level: 4,
              description:
                '运用人工智能等前沿技术整合企业内外部数据，构建智能化的预测、预警和决策模型，辅助管理层或业务人员进行智能化流程决策，挖掘数据背后的深层次规律和价值。',
            },
          ],
        },
      ],
    },
  ],
};
