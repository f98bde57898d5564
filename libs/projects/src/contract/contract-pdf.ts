import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { chineseDate } from '../calendar.js';
import { SIGNING_DATE } from './contract-document.js';
import type { ContractDocument } from './contract-document.js';

/**
 * Where the CJK font comes from: Noto Sans Hans (Simplified Chinese, about
 * 30,000 characters) shipped in the npm package `@embedpdf/fonts-sc`, so a
 * fresh `npm ci` renders contracts with no system package; Debian's
 * `fonts-noto-cjk` is the fallback. pdfkit embeds only the glyphs used.
 */
function fontCandidates(): { path: string; family?: string }[] {
  const candidates: { path: string; family?: string }[] = [];
  try {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    candidates.push({ path: join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf') });
  } catch {
    // Package missing: try the system font.
  }
  candidates.push({ path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' });
  return candidates;
}

let font: { data: Buffer; family?: string } | undefined;

/** The font bytes, read once per process (8 MB; parsing per document is what costs). */
function cjkFont(): { data: Buffer; family?: string } {
  if (font) return font;
  const found = fontCandidates().find((c) => existsSync(c.path));
  if (!found) throw new Error('no CJK font for contract PDFs: install the npm package @embedpdf/fonts-sc (or Debian fonts-noto-cjk)');
  font = { data: readFileSync(found.path), family: found.family };
  return font;
}

const MARGIN = 56;

/** The contract as an A4 PDF with the Chinese text embedded (extractable, e.g. by pdftotext). */
export function renderContractPdf(doc: ContractDocument): Promise<Buffer> {
  const { data, family } = cjkFont();
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${doc.title} ${doc.contractNo}`, Subject: doc.projectTitle, Creator: 'smedx' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('cjk', data, family);
  pdf.font('cjk');
  const width = pdf.page.width - 2 * MARGIN;

  pdf.fontSize(18).text(doc.title, { align: 'center' });
  pdf.moveDown(0.3);
  pdf.fontSize(10).text(`合同编号：${doc.contractNo}`, { align: 'right' });
  pdf.moveDown(0.8);
  pdf.fontSize(11);
  const line = (label: string, value: string) => pdf.text(`${label}：${value}`, { width });
  line('项目名称', doc.projectTitle);
  line('甲方（需求方）', doc.enterprise.name);
  line('统一社会信用代码', doc.enterprise.uscc);
  line('乙方（服务方）', doc.provider.name);
  line('统一社会信用代码', doc.provider.uscc);
  line('合同价款', `人民币（大写）${doc.priceWords}（小写：${doc.priceFigures}）`);
  pdf.moveDown(0.6);
  pdf.text(
    '根据《中华人民共和国民法典》及沈阳市中小企业数字化转型城市试点有关规定，甲乙双方经平等协商，就甲方数字化改造项目达成如下协议：',
    {
      width,
      indent: 22,
      lineGap: 3,
    },
  );

  for (const article of doc.articles) {
    pdf.moveDown(0.6);
    pdf.fontSize(12).text(article.heading, { width });
    pdf.fontSize(11);
    for (const paragraph of article.paragraphs) pdf.text(paragraph, { width, indent: 22, lineGap: 3 });
    if (article.schedule) {
      pdf.moveDown(0.3);
      article.schedule.forEach((item, i) =>
        pdf.text(`${i + 1}. ${item.title}` + '　　计划完成日期：' + chineseDate(item.plannedDate), { width, indent: 22 }),
      );
    }
  }

  pdf.moveDown(2);
  // The two signature columns start at the same height: keep them on one page.
  if (pdf.y + 120 > pdf.page.height - MARGIN) pdf.addPage();
  const top = pdf.y;
  const column = (x: number, role: string, name: string) => {
    pdf.text(`${role}（盖章）：${name}`, x, top, { width: width / 2 - 10 });
    pdf.moveDown(1);
    pdf.text('法定代表人或授权代表（签字）：', x, undefined, { width: width / 2 - 10 });
    pdf.moveDown(1);
    pdf.text(SIGNING_DATE, x, undefined, { width: width / 2 - 10 });
  };
  column(MARGIN, '甲方', doc.enterprise.name);
  column(MARGIN + width / 2 + 10, '乙方', doc.provider.name);
  pdf.end();
  return done;
}
