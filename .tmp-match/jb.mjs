import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
const j = Jieba.withDict(dict);
const s = '数控车间设备联网及生产数据采集 我司现有数控车床、加工中心共42台，品牌包括沈阳机床、大连机床及FANUC系统，目前设备状态靠人工巡检记录。希望实现设备联网，实时采集开机、停机、报警数据，并在车间大屏展示设备利用率。';
console.log(j.cut(s, true).join('/'));
let t=performance.now(); for (let i=0;i<10000;i++) j.cut(s,true); console.log('cut us', (performance.now()-t)/10);
t=performance.now(); for (let i=0;i<10000;i++) j.cutForSearch(s,true); console.log('cfs us', (performance.now()-t)/10);
const text = s.repeat(3); const kws=['数控','车床','设备','联网','FANUC','oee','排产','仓储','能耗','质量','报警','大屏'];
t=performance.now(); let c=0; for (let i=0;i<100000;i++) for (const k of kws) if (text.includes(k)) c++; console.log('includes per doc us', (performance.now()-t)/100000*1000, c);
