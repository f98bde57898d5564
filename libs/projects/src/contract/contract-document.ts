import { chineseDate } from '../calendar.js';
import type { ContractParty, ContractScheduleItem, Project } from '../entities/project.entity.js';
import { rmbUppercase } from '../rmb-uppercase.js';

/** Left blank for the parties to write the day they sign. */
export const SIGNING_DATE = '日期：　　年　　月　　日';

/** A numbered article of the contract: paragraphs, and the schedule table in the one that needs it. */
export interface ContractArticle {
  heading: string;
  paragraphs: string[];
  schedule?: ContractScheduleItem[];
}

/**
 * The standard contract (标准化合同) of a project as data: HTML and PDF lay
 * out the same words, so the two can never say different things.
 */
export interface ContractDocument {
  title: string;
  contractNo: string;
  projectTitle: string;
  enterprise: ContractParty;
  provider: ContractParty;
  priceFen: number;
  /** `¥1,000,000.00` */
  priceFigures: string;
  /** 人民币大写, e.g. 壹佰万元整 */
  priceWords: string;
  /** `2025年3月1日` */
  startDate: string;
  plannedEndDate: string;
  articles: ContractArticle[];
}

/** `123456789` fen → `1,234,567.89`: integer arithmetic, no floating point on money. */
export function formatFen(fen: number): string {
  const yuan = Math.floor(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

/**
 * Fills the pilot's standard contract template with a project. The articles
 * follow the plan: service tracking and process monitoring (服务跟踪、过程监测),
 * acceptance by a third party along the four dimensions (验收测评), invoices as
 * the evidence of investment for the subsidy (先建后补).
 */
export function buildContract(project: Project): ContractDocument {
  const priceFigures = `¥${formatFen(project.priceFen)}`;
  const priceWords = rmbUppercase(project.priceFen);
  const startDate = chineseDate(project.startDate);
  const plannedEndDate = chineseDate(project.plannedEndDate);
  return {
    title: '中小企业数字化转型改造服务合同',
    contractNo: project.contractNo,
    projectTitle: project.title,
    enterprise: project.enterpriseParty,
    provider: project.providerParty,
    priceFen: project.priceFen,
    priceFigures,
    priceWords,
    startDate,
    plannedEndDate,
    articles: [
      {
        heading: '第一条　项目内容与范围',
        paragraphs: [
          `甲方委托乙方实施“${project.title}”数字化改造项目。改造内容与范围如下：`,
          ...project.scope
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean),
        ],
      },
      {
        heading: '第二条　合同价款',
        paragraphs: [
          `本合同总价款为人民币（大写）${priceWords}（小写：${priceFigures}）。`,
          '本合同价款为固定总价，包含乙方完成本合同约定服务所需的软件、云服务、网关及数据采集传输设备、实施、培训等全部费用。',
        ],
      },
      {
        heading: '第三条　服务期限与进度安排',
        paragraphs: [
          `乙方自${startDate}起开始实施，于${project.deliveryDays}日内即${plannedEndDate}前完成全部改造内容并具备验收条件。主要里程碑如下：`,
        ],
        schedule: project.contractSchedule,
      },
      {
        heading: '第四条　服务跟踪与过程监测',
        paragraphs: [
          '双方应在沈阳市中小企业数字化转型公共服务平台的“服务跟踪”中如实记录实施进展、问题及处理情况。',
          '市工信局委托的第三方机构对照国家中小企业数字化转型标准要求和企业转型方案计划开展过程监测，乙方应予配合并按监测意见及时改进。',
        ],
      },
      {
        heading: '第五条　验收测评',
        paragraphs: [
          '项目实施完成后，由市工信局委托的第三方机构从企业应用成效、数据贯通程度、投入产出比、企业管理体制配套改革等方面开展验收测评，并按照工业和信息化部《中小企业数字化水平评测指标》评定甲方改造后的数字化水平等级。',
          '验收不通过的，乙方应按验收意见整改，整改完成后申请再次验收。验收结果作为专项资金兑付和数字化服务商绩效评价的重要依据。',
        ],
      },
      {
        heading: '第六条　付款与发票',
        paragraphs: [
          '付款进度由双方在本合同附件中约定。乙方应就每笔款项向甲方开具合法有效的发票；合同、发票及验收测评报告是甲方申报专项资金的投资凭证。',
        ],
      },
      {
        heading: '第七条　数据安全与保密',
        paragraphs: [
          '乙方应遵守《中华人民共和国数据安全法》《中华人民共和国个人信息保护法》等法律法规，对实施中接触的甲方数据和商业秘密承担保密义务；甲方的生产经营数据归甲方所有，未经甲方书面同意不得用于本合同以外的用途。',
        ],
      },
      {
        heading: '第八条　违约责任与争议解决',
        paragraphs: [
          '任何一方违反本合同约定的，应承担相应违约责任并赔偿对方因此遭受的损失。因本合同引起的争议，双方应协商解决；协商不成的，任何一方可向甲方所在地有管辖权的人民法院提起诉讼。',
        ],
      },
      {
        heading: '第九条　其他',
        paragraphs: [
          '本合同依据沈阳市中小企业数字化转型城市试点标准化合同模板生成，一式肆份，甲乙双方各执贰份，自双方签字盖章之日起生效。',
        ],
      },
    ],
  };
}
