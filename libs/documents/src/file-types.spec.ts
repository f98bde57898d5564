import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { detectFileType } from './file-types.js';
import { samplePdf, samplePng } from './sample-files.js';

const dir = mkdtempSync(join(tmpdir(), 'smedx-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(512, 1)]);
const WINDOWS_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(400, 2)]);

let n = 0;
function file(bytes: Buffer): string {
  const path = join(dir, `f${n++}`);
  writeFileSync(path, bytes);
  return path;
}

function zip(entries: Record<string, Buffer>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(entries)) z.addBuffer(bytes, name);
  z.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

async function xlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('付款记录').addRow(['日期', '金额（元）']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('detectFileType', () => {
  it('reads PDF, images and Office documents from their bytes', async () => {
    expect(await detectFileType(file(samplePdf('合同')), 'contract.pdf')).toEqual({ mime: 'application/pdf', kind: 'pdf' });
    expect(await detectFileType(file(samplePng()), 'photo.png')).toEqual({ mime: 'image/png', kind: 'image' });
    expect(await detectFileType(file(await xlsx()), '付款记录.xlsx')).toEqual({
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      kind: 'office',
    });
  });

  it('decides by the bytes, not the name: an executable renamed .pdf is refused, a PDF named .exe taken', async () => {
    expect(await detectFileType(file(ELF), 'invoice.pdf')).toBeNull();
    expect(await detectFileType(file(WINDOWS_EXE), '发票.pdf')).toBeNull();
    expect(await detectFileType(file(samplePdf('x')), 'setup.exe')).toEqual({ mime: 'application/pdf', kind: 'pdf' });
    expect(await detectFileType(file(Buffer.from('just some text, no magic')), 'notes.txt')).toBeNull();
  });

  it('takes a ZIP only when every entry is a taken type', async () => {
    const good = await zip({ '发票/invoice-1.pdf': samplePdf('1'), 'photos/site.png': samplePng(), '付款记录.xlsx': await xlsx() });
    expect(await detectFileType(file(good), 'evidence.zip')).toEqual({ mime: 'application/zip', kind: 'zip' });
    const bad = await zip({ 'invoice.pdf': samplePdf('1'), 'invoice2.pdf': ELF });
    expect(await detectFileType(file(bad), 'evidence.zip')).toBeNull();
    const nested = await zip({ 'inner.zip': good });
    expect(await detectFileType(file(nested), 'nested.zip')).toBeNull();
    expect(await detectFileType(file(await zip({})), 'empty.zip')).toBeNull();
  });
});
