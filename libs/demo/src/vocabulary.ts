/**
 * Word lists the demo and benchmark generators build names and texts from. All invented: any
 * resemblance of a generated name to a real company is a coincidence of common words.
 */

/** Place words that open a company name (沈阳 weighted by repetition). */
export const PLACE_PREFIXES: readonly string[] = ['沈阳', '沈阳', '沈阳', '沈阳', '沈阳', '辽宁', '辽宁', '盛京', '北方', '东北', '辽沈'];

/** Local place words, used only for companies in that district or county. */
export const DISTRICT_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  hunnan: ['浑南', '沈阳浑南'],
  shenbei: ['沈北', '沈阳沈北'],
  tiexi: ['沈阳铁西'],
  sujiatun: ['苏家屯'],
  liaozhong: ['辽中'],
  xinmin: ['新民'],
  faku: ['法库'],
  kangping: ['康平'],
};

/** Trade-name words (字号). */
export const BRAND_WORDS: readonly string[] = [
  '恒达',
  '北辰',
  '华创',
  '瑞丰',
  '东昊',
  '宏远',
  '盛达',
  '鑫源',
  '泰和',
  '博远',
  '精诚',
  '永盛',
  '远航',
  '天合',
  '凯瑞',
  '华锐',
  '德润',
  '恒信',
  '昊天',
  '荣达',
  '众诚',
  '利丰',
  '通达',
  '宏昌',
  '新锐',
  '鼎盛',
  '聚力',
  '伟业',
  '长兴',
  '瑞驰',
  '安泰',
  '国瑞',
  '海川',
  '振兴',
  '辽河',
  '浑河',
  '松岭',
  '锦程',
  '嘉禾',
  '华信',
  '永安',
  '晟通',
  '昌盛',
  '博瑞',
  '东升',
  '沃德',
  '金驰',
  '奥翔',
  '峰岚',
  '兴邦',
  '卓立',
  '中拓',
  '北方',
  '万合',
  '和信',
  '祥瑞',
  '同创',
  '广宇',
  '润泽',
  '启航',
  '铭泰',
  '科睿',
  '华晟',
  '金鼎',
  '辽北',
  '盛唐',
  '宇航',
  '恒升',
  '弘毅',
  '天工',
];

/** Legal-form endings of manufacturers' names, with weights. */
export const COMPANY_SUFFIXES: readonly { text: string; weight: number }[] = [
  { text: '有限公司', weight: 70 },
  { text: '股份有限公司', weight: 18 },
  { text: '有限责任公司', weight: 12 },
];

/** Business words of service providers' names, by kind. */
export const PROVIDER_WORDS: Readonly<Record<'integrator' | 'product', readonly string[]>> = {
  integrator: ['自动化工程', '智能装备', '系统集成', '智能科技', '工业互联网科技', '电气自动化', '智控科技', '物联科技'],
  product: ['软件', '信息技术', '数字科技', '云科技', '数据科技', '网络科技', '智造科技', '信息科技'],
};

export const SURNAMES: readonly string[] = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '于',
  '董',
  '袁',
  '崔',
  '姜',
  '关',
  '白',
  '吕',
  '丁',
];

export const GIVEN_NAME_CHARS: readonly string[] = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '英',
  '华',
  '玉',
  '萍',
  '红',
  '娟',
  '建',
  '国',
  '海',
  '鹏',
  '飞',
  '宇',
  '博',
  '鑫',
  '晨',
  '浩',
  '然',
  '志',
  '新',
  '东',
  '春',
  '雪',
  '梅',
  '琳',
  '婷',
  '晶',
  '颖',
  '辉',
  '波',
  '斌',
  '健',
  '龙',
  '峰',
  '岩',
  '帅',
  '凯',
  '欣',
  '悦',
  '航',
  '立',
];

/** What a text may say about an industry: production vocabulary of its enterprises. */
export interface IndustryFlavour {
  /** Short name used in phrases like "{ind}企业", "{ind}行业". */
  short: string;
  /** Production objects that open a solution title ("数控机床设备联网…"). */
  objects: readonly string[];
  /** What its enterprises make. */
  products: readonly string[];
  /** Production equipment on their shop floors. */
  machines: readonly string[];
  /** Key processes. */
  processes: readonly string[];
  /** Industry words in company names. */
  companyWords: readonly string[];
}

export const INDUSTRY_FLAVOURS: Readonly<Record<string, IndustryFlavour>> = {
  air_cooling: {
    short: '风冷设备',
    objects: ['风冷机组', '空冷器', '风冷设备', '换热器'],
    products: ['空冷器', '风冷换热机组', '工业风冷冷水机组', '翅片管换热器', '干式冷却器'],
    machines: ['翅片管绕片机', '数控折弯机', '焊接机器人', '胀管机', '激光切割机'],
    processes: ['翅片管钎焊', '管束胀接', '整机气密试验', '钣金焊接'],
    companyWords: ['风冷设备', '空冷设备', '换热设备', '冷却设备', '制冷设备', '热交换设备'],
  },
  machine_tool: {
    short: '机床',
    objects: ['数控机床', '机床', '加工中心', '机床铸件加工'],
    products: ['数控车床', '立式加工中心', '龙门加工中心', '数控磨床', '卧式镗铣床'],
    machines: ['数控车床', '加工中心', '数控磨床', '龙门铣床', '导轨磨床'],
    processes: ['床身导轨磨削', '主轴装配', '整机精度检测', '铸件时效处理'],
    companyWords: ['机床', '精工机床', '数控机床', '数控设备', '精密机床', '机床附件'],
  },
  transmission: {
    short: '传动设备',
    objects: ['传动设备', '减速机', '齿轮箱', '齿轮加工'],
    products: ['齿轮减速机', '行星减速器', '工业齿轮箱', '联轴器', '蜗轮蜗杆减速机'],
    machines: ['滚齿机', '插齿机', '磨齿机', '数控车床', '加工中心'],
    processes: ['齿轮渗碳淬火', '滚齿', '磨齿', '箱体镗孔'],
    companyWords: ['传动设备', '减速机', '齿轮传动', '传动机械', '精密传动', '齿轮'],
  },
  general_equipment: {
    short: '通用设备',
    objects: ['通用设备', '泵阀', '压缩机', '风机'],
    products: ['离心泵', '工业阀门', '螺杆空压机', '离心风机', '液压元件'],
    machines: ['数控车床', '立式车床', '加工中心', '试压台', '动平衡机'],
    processes: ['铸件机加工', '阀门密封试压', '叶轮动平衡', '整机性能试验'],
    companyWords: ['通用机械', '泵业', '阀门', '压缩机', '流体设备', '风机'],
  },
  auto_parts: {
    short: '汽车零部件',
    objects: ['汽车零部件', '汽配', '冲压件', '底盘件'],
    products: ['车身冲压件', '制动盘', '转向节', '汽车线束', '座椅骨架'],
    machines: ['冲压机', '焊接机器人', '数控车床', '压铸机', '注塑机'],
    processes: ['冲压', '机器人焊接', '压铸', '涂装'],
    companyWords: ['汽车零部件', '汽车部件', '汽车配件', '精密冲压', '车桥', '汽车电子'],
  },
  power_distribution: {
    short: '输配电设备',
    objects: ['输配电设备', '成套电气', '变压器制造', '开关柜装配'],
    products: ['高低压开关柜', '箱式变电站', '干式变压器', '电气控制柜', '母线槽'],
    machines: ['数控冲床', '数控折弯机', '绕线机', '真空浇注设备', '母线加工机'],
    processes: ['线圈绕制', '真空浇注', '柜体装配', '出厂耐压试验'],
    companyWords: ['电气', '输变电设备', '开关设备', '电力设备', '电控设备', '变压器'],
  },
  related: {
    short: '装备制造',
    objects: ['机加工', '离散制造', '装备制造', '钣金加工'],
    products: ['精密机加工件', '铸钢件', '钣金结构件', '液压缸', '工程机械配件'],
    machines: ['数控车床', '加工中心', '中频炉', '数控折弯机', '激光切割机'],
    processes: ['铸造', '锻造', '焊接', '热处理'],
    companyWords: ['机械制造', '铸造', '重工', '金属制品', '机电设备', '装备'],
  },
};

/** Title endings that name how a solution is packaged, by delivery mode; '' means none. */
export const TITLE_PACKS: Readonly<Record<'saas' | 'private' | 'hybrid' | 'any', readonly string[]>> = {
  saas: ['（SaaS）', 'SaaS版', '云服务', '订阅版'],
  private: ['（私有化部署）', '本地部署版', '标准版', '一体化方案'],
  hybrid: ['（云边协同）', '云边协同方案', '混合部署版'],
  any: ['轻量化方案', '精简版', '快速部署包', '小快轻准套件', '解决方案', ''],
};

/** How a solution is delivered, one sentence each; {days} is its deployment time. */
export const DELIVERY_SENTENCES: Readonly<Record<'saas' | 'private' | 'hybrid', readonly string[]>> = {
  saas: [
    '采用SaaS订阅模式按年付费，企业无需自建机房和运维团队，{days}天内即可开通上线。',
    '平台部署在公有云上，企业只需在现场完成少量硬件安装，{days}天左右即可投入使用。',
    '按账号或设备数订阅，开箱即用，标准实施周期约{days}天，后续可按需增购模块。',
  ],
  private: [
    '支持在企业本地服务器私有化部署，生产数据不出厂，标准实施周期约{days}天。',
    '系统部署在企业机房，提供驻场实施与操作培训，整体交付周期约{days}天。',
    '采用本地化部署并预留与ERP、MES等系统的标准接口，约{days}天完成上线验收。',
  ],
  hybrid: [
    '采用云边协同架构，边缘侧负责本地采集、缓存与计算，云端负责分析和移动端访问，实施周期约{days}天。',
    '核心数据本地存储、分析应用云端部署，兼顾数据安全与运维便利，约{days}天完成交付。',
  ],
};

/** Closing sentences that state results; {e1}, {e2} are effects of the capability. */
export const EFFECT_SENTENCES: readonly string[] = [
  '方案已在沈阳及周边{3-30}家{ind}企业落地应用，平均{e1}，{e2}。',
  '典型用户上线后{e1}，{e2}。',
  '项目实施后可实现{e1}、{e2}，投资回收期一般不超过{8-18}个月。',
  '据已交付项目统计，{e1}，{e2}。',
];

/** Optional service sentences for descriptions. */
export const SERVICE_SENTENCES: readonly string[] = [
  '提供驻场实施、操作培训和一年免费运维服务。',
  '服务团队常驻沈阳，可在24小时内到场响应。',
  '可配合企业完成数字化水平评测和专项资金申报材料准备。',
];

/** Openings of a need, as an enterprise writes it. */
export const NEED_INTROS: readonly string[] = [
  '我司位于{district}，主要生产{product}，现有员工{employees}人。',
  '我司主营{product}，年营业收入约{revenue}。',
  '公司成立于{1995-2016}年，主导产品为{product}，客户主要分布在东北和华北地区。',
  '我公司是{district}一家生产{product}的{scaleWord}企业。',
];

/** Closings of a need: budget and time frame ({budget} in 万元, {days} days). */
export const NEED_CONSTRAINTS: readonly string[] = [
  '项目预算约{budget}万元，期望{days}天内完成上线。',
  '预算控制在{budget}万元以内，希望{days}天内见到效果，优先考虑轻量化部署方式。',
  '预算约{budget}万元，工期不超过{days}天，要求服务商有同行业实施案例。',
  '本项目计划申报数字化转型专项资金，预算约{budget}万元，要求{days}天内完成实施并配合验收。',
  '预算{budget}万元左右，希望服务商先到现场调研，{days}天内完成部署和培训。',
];

/** Side wishes a need may add, each bringing its scenario along. */
export const NEED_EXTRAS: readonly { scenario: string; text: string }[] = [
  { scenario: 'energy', text: '如条件允许，希望同步接入车间电表，实现分时段能耗统计。' },
  { scenario: 'quality', text: '后续还希望把关键工序的检验数据一并纳入系统管理。' },
  { scenario: 'warehouse_logistics', text: '另外希望顺带解决成品库出入库靠手工台账的问题。' },
  { scenario: 'network', text: '车间目前无线网络覆盖较差，需要服务商一并考虑网络改造。' },
  { scenario: 'data_security', text: '生产和图纸数据需存放在本地或可信云上，服务商须签署数据保密协议并提供备份方案。' },
  { scenario: 'decision_support', text: '希望管理层能在手机上随时查看关键经营指标。' },
  { scenario: 'network_security', text: '系统需满足等保2.0二级要求，并做好生产网与办公网的安全隔离。' },
];

/** Technology terms a text may mention; for benchmarks and search tests. */
export const TECH_TERMS: readonly string[] = [
  '边缘网关',
  'OPC UA',
  'Modbus',
  'MQTT',
  'SCADA',
  'MES',
  'ERP',
  'WMS',
  'APS排产',
  'PLM',
  'CAPP',
  'CRM',
  'SRM',
  'BI',
  '视觉检测',
  '预测性维护',
  '电子看板',
  '数字孪生',
  '5G专网',
  '工业防火墙',
  'RFID',
  'PDA',
  'AGV',
  'SPC',
  'DNC',
  '低代码',
  '数据中台',
  '等保2.0',
];
