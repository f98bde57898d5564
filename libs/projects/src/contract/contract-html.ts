import { chineseDate } from '../calendar.js';
import { SIGNING_DATE } from './contract-document.js';
import type { ContractDocument } from './contract-document.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text in the contract comes from users (names, scope): escape it all. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function partyRows(role: string, party: { name: string; uscc: string }): string {
  return `<tr><th>${role}</th><td class="party">${esc(party.name)}</td></tr>
<tr><th>统一社会信用代码</th><td class="uscc">${esc(party.uscc)}</td></tr>`;
}

/** The contract as a self-contained, printable HTML page (A4, no external resources). */
export function renderContractHtml(doc: ContractDocument): string {
  const articles = doc.articles
    .map((article) => {
      const paragraphs = article.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
      const schedule = article.schedule
        ? `<table class="schedule"><thead><tr><th>序号</th><th>里程碑</th><th>计划完成日期</th></tr></thead><tbody>
${article.schedule.map((s, i) => `<tr><td>${i + 1}</td><td>${esc(s.title)}</td><td>${esc(chineseDate(s.plannedDate))}</td></tr>`).join('\n')}
</tbody></table>`
        : '';
      return `<section><h2>${esc(article.heading)}</h2>\n${paragraphs}\n${schedule}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(doc.title)} ${esc(doc.contractNo)}</title>
<style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 12pt; line-height: 1.8; color: #000; max-width: 170mm; margin: 0 auto; }
h1 { text-align: center; font-size: 18pt; margin-bottom: 0.2em; }
.no { text-align: right; }
h2 { font-size: 12pt; margin: 1em 0 0.2em; }
p { text-indent: 2em; margin: 0.2em 0; }
table { border-collapse: collapse; width: 100%; }
.parties th { text-align: left; width: 11em; font-weight: normal; }
.schedule th, .schedule td { border: 1px solid #000; padding: 2px 6px; }
.price { font-weight: bold; }
.signatures { display: flex; justify-content: space-between; margin-top: 3em; page-break-inside: avoid; }
.signatures div { width: 45%; }
</style>
</head>
<body>
<h1>${esc(doc.title)}</h1>
<p class="no">合同编号：${esc(doc.contractNo)}</p>
<table class="parties">
<tr><th>项目名称</th><td>${esc(doc.projectTitle)}</td></tr>
${partyRows('甲方（需求方）', doc.enterprise)}
${partyRows('乙方（服务方）', doc.provider)}
<tr><th>合同价款</th><td class="price">人民币（大写）${esc(doc.priceWords)}（小写：${esc(doc.priceFigures)}）</td></tr>
</table>
<p>根据《中华人民共和国民法典》及沈阳市中小企业数字化转型城市试点有关规定，甲乙双方经平等协商，就甲方数字化改造项目达成如下协议：</p>
${articles}
<div class="signatures">
<div><p>甲方（盖章）：${esc(doc.enterprise.name)}</p><p>法定代表人或授权代表（签字）：</p><p>${SIGNING_DATE}</p></div>
<div><p>乙方（盖章）：${esc(doc.provider.name)}</p><p>法定代表人或授权代表（签字）：</p><p>${SIGNING_DATE}</p></div>
</div>
</body>
</html>
`;
}
