import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
const j = Jieba.withDict(dict);
for (const s of ['数控机床联网及OEE统计需求','车间设备联网与数据采集改造','风冷换热器生产计划排程与质量追溯系统','减速机装配车间仓储物流数字化改造','能耗管理','我司现有数控车床、加工中心共42台，希望通过加装边缘网关实现设备状态、产量和报警信息的自动采集，在车间电子看板上实时显示OEE'])
  console.log(j.cutForSearch(s.normalize('NFKC').toLowerCase(), true).join('/'));
