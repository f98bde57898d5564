const before = process.memoryUsage().rss;
const { Jieba } = await import('@node-rs/jieba');
const { dict } = await import('@node-rs/jieba/dict.js');
const t = performance.now();
const j = Jieba.withDict(dict);
j.cut('测试', true);
console.log('load ms', performance.now()-t, 'rss MB', (process.memoryUsage().rss-before)/1e6);
const j2 = Jieba.withDict(dict); j2.cut('测试', true);
console.log('second rss MB', (process.memoryUsage().rss-before)/1e6);
