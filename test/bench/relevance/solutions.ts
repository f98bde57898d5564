/**
 * The written catalogue of the relevance bench: solutions as providers in the
 * pilot city write them (title, summary, description, scenarios, industries).
 * Ids name what a solution is, so the judgements in `queries.ts` read plainly.
 */
export interface BenchSolution {
  id: string;
  title: string;
  summary: string;
  description: string;
  scenarios: string[];
  industries: string[];
}

type Row = [id: string, title: string, summary: string, description: string, scenarios: string, industries?: string];

const ALL = 'air_cooling machine_tool transmission general_equipment auto_parts power_distribution related';

const ROWS: Row[] = [
  // production: MES, OEE, reporting, dashboards
  [
    'mes-light',
    '轻量化MES生产执行系统',
    '工单下达、报工、在制品跟踪一套搞定',
    '面向离散制造中小企业，扫码报工，实时掌握工单进度和在制品数量，支持与ERP对接。',
    'production_control',
  ],
  [
    'oee-dashboard',
    '车间OEE生产看板',
    '设备综合效率与产量实时统计，手机随时查看',
    '自动采集设备开停机和产量数据，计算OEE，车间大屏和手机小程序同步展示，老板随时掌握生产情况。',
    'production_control decision_support equipment',
  ],
  [
    'report-app',
    '扫码报工小程序',
    '工人手机扫码报工，计件工资自动算',
    '按工序扫码报工，产量、工时自动汇总，月底自动生成计件工资表，无需纸质单据。',
    'production_control hr',
  ],
  [
    'boss-cockpit',
    '老板经营驾驶舱',
    '销售、生产、库存、财务数据一屏看全',
    '对接ERP和MES数据，移动端查看经营日报、产值、回款，辅助经营决策。',
    'decision_support',
  ],
  [
    'prod-stats',
    '生产统计报表服务',
    '日报月报自动生成',
    '从现有系统抽取产量、合格率、设备数据，自动生成生产日报和月报，支持导出Excel。',
    'decision_support production_control',
  ],
  [
    'andon',
    '安灯呼叫与异常管理',
    '产线异常一键呼叫，响应时间可统计',
    '工位安灯按钮、异常推送到班组长手机，统计停线时间，减少等待。',
    'production_control',
  ],
  [
    'wip-tracking',
    '在制品条码追踪方案',
    '半成品流转一目了然',
    '工序间贴码扫码，在制品位置与数量实时可查，减少找件时间。',
    'production_control warehouse_logistics',
  ],
  [
    'mes-machine',
    '机床行业MES',
    '针对机床装配和机加工车间',
    '覆盖机加工工单、装配工序、质量记录，适配机床企业多品种小批量生产。',
    'production_control quality',
    'machine_tool',
  ],
  // planning
  [
    'aps-scheduling',
    'APS高级计划排程',
    '自动排产，插单也能快速重排',
    '依据订单交期、设备产能和物料齐套情况自动生成生产计划，应对插单和急单。',
    'planning_scheduling',
  ],
  [
    'excel-plan',
    '生产计划协同工具',
    '替代Excel排计划',
    '计划员在线编制周计划，车间按计划执行，进度自动回传，交期风险提前提示。',
    'planning_scheduling',
  ],
  [
    'order-delivery',
    '订单交付跟踪平台',
    '从接单到发货全程跟踪交期',
    '订单拆分到生产、采购、发运各环节，延期自动预警，客户可查询订单交付进度。',
    'planning_scheduling marketing warehouse_logistics',
  ],
  // equipment
  [
    'vibration-pdm',
    '设备振动监测与预测性维护',
    '无线振动传感器，故障提前预警',
    '在电机、风机、减速机上加装振动和温度传感器，AI分析设备健康状态，在故障发生前预警，减少非计划停机。',
    'equipment data_collection',
  ],
  [
    'spare-parts',
    '备品备件管理',
    '备件出入库与安全库存提醒',
    '备件台账、领用记录、安全库存预警，避免备件短缺或积压。',
    'equipment warehouse_logistics',
  ],
  [
    'equip-ledger',
    '设备台账与点检保养系统',
    '设备档案、点检、保养计划在线管理',
    '扫码点检，保养计划到期提醒，维修工单闭环，设备履历可追溯。',
    'equipment',
  ],
  ['repair-ticket', '设备报修工单小程序', '设备坏了手机一键报修', '操作工拍照报修，维修工接单处理，统计故障次数和维修时长。', 'equipment'],
  [
    'remote-om',
    '装备远程运维服务',
    '售出设备远程监控与故障诊断',
    '为装备制造商提供设备远程数据采集、故障报警和远程诊断，提升售后服务效率。',
    'after_sales equipment',
    'air_cooling machine_tool transmission general_equipment',
  ],
  ['tpm', 'TPM全员生产维护咨询', '设备管理体系提升', '导入TPM方法，建立自主保养和计划保养制度，提升设备稼动率。', 'equipment'],
  [
    'cnc-monitor',
    '数控机床状态监控',
    '主轴负载、报警信息实时掌握',
    '对接发那科、西门子、华中等数控系统，采集机床运行状态、报警和加工件数。',
    'equipment data_collection device_networking',
    'machine_tool',
  ],
  // networking and data collection
  [
    'iot-gateway',
    '工业智能网关',
    '老旧设备快速联网，支持多种PLC协议',
    '边缘网关支持Modbus、OPC UA、西门子S7等协议，让老旧设备快速接入，数据上云。',
    'device_networking data_collection',
  ],
  [
    'cnc-networking',
    '机床联网与数据采集方案',
    '车间数控机床统一联网',
    '一次性将车间数十台数控机床联网，采集开机率、加工件数和程序信息，为MES提供数据。',
    'device_networking data_collection',
    'machine_tool',
  ],
  [
    'scada',
    'SCADA组态监控系统',
    '工艺参数实时监视与控制',
    '对产线PLC和仪表进行集中监控，报警记录、历史曲线、远程控制。',
    'data_collection production_control',
  ],
  [
    'sensor-kit',
    '无线传感器数据采集套件',
    '温度、压力、电流无线采集',
    '免布线安装，电池供电，数据直接上传云平台，适合老旧厂房改造。',
    'data_collection',
  ],
  [
    'factory-network',
    '工厂网络改造与5G专网',
    '车间无线覆盖与工业网络建设',
    '规划车间WiFi和5G专网，工控网络与办公网络隔离，保障设备联网稳定。',
    'network',
  ],
  ['plc-retrofit', 'PLC控制系统改造', '老设备电气控制升级', '更换老旧继电器控制为PLC控制，加装触摸屏，预留数据接口。', 'device_networking'],
  // energy
  [
    'energy-meter',
    '能耗在线监测与计量系统',
    '水电气分项计量，能耗一目了然',
    '安装智能电表和水表，按车间、产线、设备统计用电量，峰谷电费分析，发现用能浪费，帮助企业节能降本。',
    'energy data_collection',
  ],
  [
    'compressor-energy',
    '空压站节能控制系统',
    '空压机群控，节电15%以上',
    '对空压机进行联控和变频改造，按用气量自动调节，减少泄漏和空载，降低电费。',
    'energy',
  ],
  [
    'carbon',
    '碳排放核算与碳足迹管理',
    '企业碳盘查与产品碳足迹',
    '依据国家核算指南计算企业碳排放，生成碳足迹报告，满足出口客户要求。',
    'energy',
  ],
  ['energy-workshop', '车间能耗监测看板', '车间级用能可视化', '车间大屏展示实时功率和日用电量，能耗超标报警。', 'energy decision_support'],
  ['pv-storage', '分布式光伏与储能', '厂房屋顶光伏，降低用电成本', '投资建设屋顶光伏和储能，峰谷套利，减少电费支出。', 'energy'],
  ['furnace-energy', '热处理炉节能优化', '炉温精确控制降低能耗', '采集炉温曲线，优化加热工艺，降低天然气和电耗。', 'energy process_design'],
  // quality
  [
    'qms-trace',
    '质量追溯系统',
    '一物一码，问题批次快速追溯',
    '原材料、工序、检验全程记录，扫码追溯到批次和责任人，客户投诉快速定位。',
    'quality',
  ],
  ['spc', 'SPC统计过程控制', '关键尺寸实时监控，质量波动早发现', '检测数据自动采集，控制图实时判异，降低不良品率。', 'quality'],
  ['vision-inspect', 'AI视觉缺陷检测', '机器视觉替代人工目检', '对零件表面划伤、缺损进行高速检测，漏检率低于人工。', 'quality'],
  ['inspection-app', '来料与过程检验管理', '检验标准电子化，检验记录可查', '检验员平板录入检验结果，不合格品自动触发评审流程。', 'quality'],
  [
    'iatf-quality',
    '汽车零部件质量管理（IATF16949）',
    '满足主机厂质量体系要求',
    'APQP、PPAP、FMEA文档管理与质量追溯，帮助汽配企业通过主机厂审核。',
    'quality',
    'auto_parts',
  ],
  ['lims', '实验室检测管理LIMS', '检测任务、仪器与报告在线管理', '检测委托、样品流转、检测报告自动生成。', 'quality'],
  // safety
  [
    'safety-patrol',
    '安全生产隐患排查系统',
    '隐患随手拍，整改闭环',
    '按区域制定巡检计划，员工手机上报隐患，整改情况可追踪，满足安全生产检查要求。',
    'safety',
  ],
  ['safety-training', '安全培训与考试平台', '三级安全教育线上完成', '员工手机学习安全课程、在线考试，培训档案自动归档。', 'safety hr'],
  [
    'hazard-monitor',
    '危化品与重点部位在线监测',
    '气体浓度、温度超限报警',
    '对危化品库、配电房等重点部位进行在线监测和视频监控，异常自动报警。',
    'safety data_collection',
  ],
  ['fire-iot', '智慧消防物联网', '消防设施状态实时监测', '烟感、喷淋压力、消防通道在线监测，火情第一时间推送。', 'safety'],
  // warehouse and logistics
  [
    'wms',
    'WMS仓储管理系统',
    '库位管理、扫码出入库，找料不再靠记忆',
    '货位编码，扫码收发货，库存实时准确，支持先进先出和盘点。',
    'warehouse_logistics',
  ],
  ['agv', 'AGV物料搬运方案', '车间物料自动配送', '激光导航AGV按MES指令自动送料，减少叉车和人工搬运。', 'warehouse_logistics'],
  [
    'jxc',
    '进销存管理软件',
    '采购、销售、库存一本账',
    '适合小微企业的进销存，开单、收付款、库存查询，手机电脑同步。',
    'warehouse_logistics finance procurement marketing',
  ],
  ['tms', '物流运输管理TMS', '发货计划与车辆调度', '发运计划、承运商管理、在途跟踪和运费结算。', 'warehouse_logistics'],
  ['smart-shelf', '电子标签货架', '亮灯拣货，拣错率降低', '电子标签提示拣货位置和数量，适合多品种小零件仓库。', 'warehouse_logistics'],
  // procurement
  ['srm', 'SRM供应商协同平台', '询价、比价、采购订单在线协同', '供应商在线报价和交货确认，采购过程留痕，降低采购成本。', 'procurement'],
  [
    'purchase-app',
    '采购申请与审批',
    '采购流程线上化',
    '部门在线提交采购申请，多级审批，自动生成采购订单。',
    'procurement office_collaboration',
  ],
  // finance
  [
    'cloud-erp',
    '云ERP（业财一体化）',
    '订单、采购、库存、财务一体化管理',
    'SaaS模式的ERP，销售订单到财务凭证自动生成，适合中小制造企业快速上线。',
    'finance procurement warehouse_logistics marketing',
  ],
  ['finance-soft', '云财务记账软件', '凭证、账簿、报表自动生成', '在线记账，自动生成资产负债表和利润表，支持多账套。', 'finance'],
  ['e-invoice', '电子发票与税务管理', '发票开具、查验、归档', '对接税务系统，批量开具电子发票，进项发票自动查验。', 'finance'],
  [
    'cost-accounting',
    '制造业成本核算',
    '按订单、产品核算真实成本',
    '归集材料、人工、制造费用，核算每个订单和产品的成本与毛利。',
    'finance decision_support',
  ],
  // hr and office
  ['hr-saas', '人力资源管理SaaS', '招聘、入职、考勤、薪酬一体化', '员工档案、排班考勤、工资计算和个税申报，手机打卡。', 'hr'],
  ['attendance', '智能考勤与排班', '人脸考勤，排班自动算工时', '支持多班次排班，加班自动统计，对接工资核算。', 'hr'],
  ['oa', '协同办公OA', '流程审批、公文、通知一站式', '请假、报销、用印等流程在线审批，告别纸质单据。', 'office_collaboration'],
  [
    'dingtalk-kit',
    '钉钉数字化工作台实施',
    '基于钉钉搭建企业应用',
    '在钉钉上搭建审批、日报、客户管理等轻应用，员工一个App办公。',
    'office_collaboration',
  ],
  ['contract-mgmt', '电子合同与签章', '合同在线签署与管理', '电子签章具有法律效力，合同到期提醒，归档检索方便。', 'office_collaboration'],
  // marketing and after sales
  ['crm', 'CRM客户关系管理', '客户、商机、合同全流程', '销售线索跟进、报价、合同和回款管理，销售过程可视化。', 'marketing'],
  ['b2b-shop', 'B2B订货商城', '经销商在线下单', '为制造企业搭建在线订货平台，经销商手机下单，订单直连ERP。', 'marketing'],
  ['after-sales', '售后服务管理系统', '报修、派工、回访全流程', '客户扫码报修，工程师接单上门，服务过程和备件消耗全记录。', 'after_sales'],
  ['export-marketing', '外贸数字营销', '海外获客与询盘管理', '多语言独立站、海外社媒推广与询盘跟进。', 'marketing'],
  // design and process
  [
    'plm',
    'PLM产品生命周期管理',
    '图纸、BOM、变更统一管理',
    '图文档集中管理，版本受控，设计变更流程化，BOM与ERP打通。',
    'product_design process_design',
  ],
  [
    'pdm-drawings',
    '图纸文档管理系统',
    '图纸集中存放，找图快、版本不乱',
    '图纸按产品和零件归档，权限控制，防止用错版本图纸。',
    'product_design',
  ],
  ['cad-cloud', '正版三维CAD设计软件', '三维建模与工程图', '国产三维CAD，支持钣金、装配和工程图出图。', 'product_design'],
  [
    'simulation',
    '结构与流体仿真服务',
    'CAE仿真优化产品设计',
    '为风机、换热器等产品提供流体和结构仿真，缩短研发周期。',
    'product_design',
    'air_cooling general_equipment',
  ],
  ['capp', '工艺设计与工艺卡管理CAPP', '工艺路线和工艺卡片电子化', '结构化编制工艺路线、工序卡，工艺知识沉淀复用。', 'process_design'],
  ['cam-nc', 'CAM数控编程与仿真', '数控程序快速编制', '自动生成数控加工程序并仿真验证，减少试切。', 'process_design', 'machine_tool'],
  // decision support and data
  ['bi', 'BI经营分析平台', '多系统数据整合，报表自助分析', '整合ERP、MES、CRM数据，拖拽生成报表和分析图表。', 'decision_support'],
  [
    'digital-twin',
    '数字孪生工厂',
    '三维可视化工厂运行状态',
    '三维还原车间和产线，实时映射设备状态和生产数据。',
    'decision_support production_control',
  ],
  [
    'diagnosis',
    '中小企业数字化转型诊断咨询',
    '对照评测指标诊断数字化水平',
    '按工信部中小企业数字化水平评测指标开展评估诊断，给出改造路线和方案建议。',
    'decision_support',
  ],
  // security
  [
    'firewall',
    '工业防火墙与网络安全防护',
    '工控网络安全隔离',
    '部署工业防火墙和入侵检测，防范勒索病毒，满足等保要求。',
    'network_security',
  ],
  ['endpoint-av', '终端防病毒与上网行为管理', '办公电脑防病毒', '集中管理终端杀毒、补丁和上网行为。', 'network_security'],
  [
    'backup',
    '数据备份与容灾服务',
    '重要数据自动备份，丢失可恢复',
    '服务器和数据库定时备份到云端，勒索病毒攻击后可快速恢复。',
    'data_security',
  ],
  [
    'dlp',
    '图纸防泄密加密系统',
    '设计图纸透明加密',
    '对CAD图纸等核心文件加密，外发审批，防止技术资料泄露。',
    'data_security product_design',
  ],
  // industry specific
  [
    'aircooler-mes',
    '风冷设备制造数字化车间方案',
    '换热器焊接与装配过程管控',
    '针对空冷器、换热器企业，焊接参数采集、试压记录与装配工序管控。',
    'production_control quality',
    'air_cooling',
  ],
  [
    'gearbox-test',
    '减速机出厂试验数据管理',
    '试验台数据自动采集与报告',
    '齿轮箱、减速机出厂试验数据自动记录，生成试验报告并追溯。',
    'quality data_collection',
    'transmission',
  ],
  [
    'switchgear-mes',
    '输配电设备生产管理系统',
    '开关柜装配与检测全过程管理',
    '面向开关柜、配电柜企业，订单设计、装配工序和出厂检测一体化管理。',
    'production_control quality',
    'power_distribution',
  ],
  [
    'autoparts-trace',
    '汽配零件一物一码追溯',
    '满足主机厂追溯要求',
    '零件激光打码，关联生产批次和检验数据，主机厂索赔快速定位。',
    'quality',
    'auto_parts',
  ],
  [
    'welding-monitor',
    '焊接质量在线监控',
    '焊接电流电压实时采集',
    '焊机联网，采集焊接参数，超出工艺范围报警，焊缝质量可追溯。',
    'quality data_collection',
  ],
  [
    'molding',
    '注塑车间管理系统',
    '注塑机联网与模具管理',
    '注塑机开机率、产量采集，模具寿命管理与保养提醒。',
    'production_control equipment device_networking',
  ],
  [
    'robot-cell',
    '机器人自动化上下料',
    '机器换人，减少用工',
    '为机床配置机器人上下料单元，一人多机，缓解招工难。',
    'production_control',
    'machine_tool',
  ],
  ['cloud-host', '企业上云与云主机服务', '服务器迁移上云', '提供云主机、云存储和迁移服务，降低机房运维成本。', 'network'],
  ['training', '数字化人才培训', '数字化转型工程师培训', '为企业管理者和技术人员提供数字化转型培训和实训。', 'hr'],
  [
    'temp-humidity',
    '仓库温湿度监控',
    '温湿度超限手机报警',
    '仓库、车间温湿度无线采集，超限短信和手机推送报警。',
    'warehouse_logistics data_collection',
  ],
  [
    'gas-leak',
    '压缩空气泄漏检测服务',
    '超声波查漏，减少压缩空气浪费',
    '用超声波检测仪查找管网泄漏点，出具节能报告，通常可节省空压机用电10%以上。',
    'energy',
  ],
];

export const BENCH_SOLUTIONS: BenchSolution[] = ROWS.map(([id, title, summary, description, scenarios, industries]) => ({
  id,
  title,
  summary,
  description,
  scenarios: scenarios.split(' '),
  industries: (industries ?? ALL).split(' '),
}));
