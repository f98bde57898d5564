/**
 * Judged queries over `solutions.ts`: colloquial ones (as a factory manager
 * types) and professional ones, each with the solutions graded by reading
 * them: 3 what was asked for, 2 clearly serves the need, 1 partly related.
 * Unlisted solutions are 0. Written before tuning and not changed to fit results.
 */
export interface JudgedQuery {
  q: string;
  kind: 'colloquial' | 'professional';
  grades: Record<string, 1 | 2 | 3>;
}

export const JUDGED_QUERIES: JudgedQuery[] = [
  // the issue's own examples
  {
    q: '老板想在手机上看车间产量',
    kind: 'colloquial',
    grades: { 'oee-dashboard': 3, 'boss-cockpit': 2, 'report-app': 2, 'prod-stats': 2, 'mes-light': 1, 'digital-twin': 1 },
  },
  {
    q: '设备老坏 想提前预警',
    kind: 'colloquial',
    grades: { 'vibration-pdm': 3, 'cnc-monitor': 1, 'equip-ledger': 2, 'repair-ticket': 1, 'remote-om': 2, tpm: 1 },
  },
  {
    q: '电费太贵 怎么省电',
    kind: 'colloquial',
    grades: { 'energy-meter': 3, 'compressor-energy': 3, 'energy-workshop': 2, 'pv-storage': 2, 'gas-leak': 2, 'furnace-energy': 1 },
  },
  { q: '空压机节能', kind: 'professional', grades: { 'compressor-energy': 3, 'gas-leak': 3, 'energy-meter': 2, 'energy-workshop': 1 } },
  {
    q: '机床联网',
    kind: 'professional',
    grades: { 'cnc-networking': 3, 'iot-gateway': 2, 'cnc-monitor': 2, molding: 1, 'plc-retrofit': 1 },
  },
  // colloquial
  { q: '仓库老是找不到料', kind: 'colloquial', grades: { wms: 3, 'smart-shelf': 2, jxc: 1, 'spare-parts': 1, 'cloud-erp': 1 } },
  { q: '账算不清楚', kind: 'colloquial', grades: { 'finance-soft': 3, 'cost-accounting': 2, jxc: 2, 'cloud-erp': 2 } },
  { q: '图纸太乱 经常用错版本', kind: 'colloquial', grades: { 'pdm-drawings': 3, plm: 3, dlp: 1 } },
  { q: '客户老催交货', kind: 'colloquial', grades: { 'order-delivery': 3, 'aps-scheduling': 2, 'excel-plan': 2 } },
  { q: '厂里安全隐患怎么管', kind: 'colloquial', grades: { 'safety-patrol': 3, 'hazard-monitor': 2, 'fire-iot': 1, 'safety-training': 1 } },
  { q: '出口客户要碳足迹报告', kind: 'colloquial', grades: { carbon: 3 } },
  {
    q: '次品太多 想查原因',
    kind: 'colloquial',
    grades: { spc: 3, 'qms-trace': 2, 'vision-inspect': 2, 'inspection-app': 2, 'welding-monitor': 1 },
  },
  { q: '工人干了多少活算不清', kind: 'colloquial', grades: { 'report-app': 3, 'mes-light': 2, attendance: 1, 'oee-dashboard': 1 } },
  {
    q: '老设备没有接口 能不能采集数据',
    kind: 'colloquial',
    grades: { 'iot-gateway': 3, 'sensor-kit': 3, 'plc-retrofit': 2, 'cnc-networking': 2 },
  },
  { q: '插单太多 计划排不过来', kind: 'colloquial', grades: { 'aps-scheduling': 3, 'excel-plan': 2, 'order-delivery': 1 } },
  {
    q: '想把纸质单据都去掉',
    kind: 'colloquial',
    grades: { oa: 3, 'dingtalk-kit': 2, 'report-app': 1, 'purchase-app': 1, 'inspection-app': 1 },
  },
  { q: '怕中勒索病毒 数据丢了', kind: 'colloquial', grades: { backup: 3, firewall: 2, 'endpoint-av': 2 } },
  { q: '招工难 想机器换人', kind: 'colloquial', grades: { 'robot-cell': 3, agv: 2, 'vision-inspect': 1 } },
  { q: '客户投诉了要能查到是哪批货', kind: 'colloquial', grades: { 'qms-trace': 3, 'autoparts-trace': 3, 'iatf-quality': 1 } },
  { q: '员工打卡算工资', kind: 'colloquial', grades: { attendance: 3, 'hr-saas': 3, 'report-app': 1 } },
  { q: '卖出去的设备坏了 想远程看看', kind: 'colloquial', grades: { 'remote-om': 3, 'after-sales': 2 } },
  { q: '车间温度太高 东西容易坏', kind: 'colloquial', grades: { 'temp-humidity': 3, 'sensor-kit': 2, 'hazard-monitor': 1 } },
  { q: '采购比价太麻烦', kind: 'colloquial', grades: { srm: 3, 'purchase-app': 2, 'cloud-erp': 1 } },
  { q: '经销商下单还靠打电话', kind: 'colloquial', grades: { 'b2b-shop': 3, crm: 1, jxc: 1 } },
  { q: '不知道自己数字化到了几级', kind: 'colloquial', grades: { diagnosis: 3 } },
  { q: '手机上就能报修', kind: 'colloquial', grades: { 'repair-ticket': 3, 'after-sales': 2, 'equip-ledger': 1 } },
  { q: '每个订单到底赚没赚钱', kind: 'colloquial', grades: { 'cost-accounting': 3, 'cloud-erp': 1, bi: 1, 'boss-cockpit': 1 } },
  { q: '压缩空气漏得厉害', kind: 'colloquial', grades: { 'gas-leak': 3, 'compressor-energy': 2 } },
  { q: '车间网络老断 设备连不上', kind: 'colloquial', grades: { 'factory-network': 3, 'iot-gateway': 1 } },
  // professional
  {
    q: 'MES',
    kind: 'professional',
    grades: { 'mes-light': 3, 'mes-machine': 3, 'aircooler-mes': 2, 'switchgear-mes': 2, molding: 1, 'oee-dashboard': 1 },
  },
  { q: 'wms', kind: 'professional', grades: { wms: 3, 'smart-shelf': 1, agv: 1 } },
  { q: 'ERP 财务', kind: 'professional', grades: { 'cloud-erp': 3, 'finance-soft': 2, jxc: 2 } },
  { q: 'OEE', kind: 'professional', grades: { 'oee-dashboard': 3, molding: 1, tpm: 1, 'cnc-networking': 1 } },
  { q: 'SCADA 组态', kind: 'professional', grades: { scada: 3 } },
  { q: 'PLM 图文档', kind: 'professional', grades: { plm: 3, 'pdm-drawings': 3 } },
  { q: 'SPC 统计过程控制', kind: 'professional', grades: { spc: 3, 'welding-monitor': 1 } },
  { q: 'APS排产', kind: 'professional', grades: { 'aps-scheduling': 3, 'excel-plan': 2 } },
  { q: 'agv', kind: 'professional', grades: { agv: 3 } },
  { q: '预测性维护', kind: 'professional', grades: { 'vibration-pdm': 3, 'remote-om': 1, tpm: 1 } },
  {
    q: '质量追溯',
    kind: 'professional',
    grades: { 'qms-trace': 3, 'autoparts-trace': 3, 'iatf-quality': 2, 'gearbox-test': 1, 'welding-monitor': 1 },
  },
  { q: '能耗监测', kind: 'professional', grades: { 'energy-meter': 3, 'energy-workshop': 3, 'compressor-energy': 1 } },
  { q: '工业网关 modbus', kind: 'professional', grades: { 'iot-gateway': 3, scada: 1, 'cnc-networking': 1 } },
  { q: '等保 工控安全', kind: 'professional', grades: { firewall: 3, 'endpoint-av': 1 } },
  { q: 'CRM 商机', kind: 'professional', grades: { crm: 3 } },
  { q: '电子发票', kind: 'professional', grades: { 'e-invoice': 3, 'finance-soft': 1 } },
  { q: '机器视觉检测', kind: 'professional', grades: { 'vision-inspect': 3 } },
  { q: 'IATF16949 汽配', kind: 'professional', grades: { 'iatf-quality': 3, 'autoparts-trace': 2 } },
  { q: '减速机试验台数据', kind: 'professional', grades: { 'gearbox-test': 3 } },
  { q: '开关柜生产管理', kind: 'professional', grades: { 'switchgear-mes': 3, 'mes-light': 1 } },
  { q: '换热器焊接', kind: 'professional', grades: { 'aircooler-mes': 3, 'welding-monitor': 2, simulation: 1 } },
  { q: 'CAPP工艺卡', kind: 'professional', grades: { capp: 3 } },
];
