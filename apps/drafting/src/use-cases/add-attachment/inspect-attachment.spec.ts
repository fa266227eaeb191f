import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxOf, pdfOf, storedZip } from '../../../../../test/e2e/support/report-files.js';
import { inspectAttachment, ofdText } from './inspect-attachment.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e2b6a30000000049454e44ae426082', 'hex');

function ofd(pages: Record<string, string[]>): Buffer {
  const files: Record<string, string> = { 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>' };
  for (const [page, lines] of Object.entries(pages)) {
    files[`Doc_0/Pages/${page}/Content.xml`] = `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>${lines.map((line) => `<ofd:TextObject><ofd:TextCode X="0">${line}</ofd:TextCode></ofd:TextObject>`).join('')}</ofd:Layer></ofd:Content></ofd:Page>`;
  }
  return storedZip(files);
}

async function refusal(filename: string, bytes: Uint8Array): Promise<string> {
  try {
    await inspectAttachment(filename, bytes);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
}

describe('inspectAttachment', () => {
  it('sniffs the type from the bytes and extracts the text of pdf, docx and ofd; images have none', async () => {
    expect(await inspectAttachment('名单.pdf', pdfOf('2025年度名单\n某某公司'))).toMatchObject({ kind: 'pdf', mediaType: 'application/pdf', text: expect.stringContaining('某某公司') });
    expect(await inspectAttachment('说明.DOCX', docxOf('第一段\n第二段'))).toMatchObject({ kind: 'docx', text: expect.stringContaining('第二段') });
    expect(await inspectAttachment('公文.ofd', ofd({ Page_0: ['标题', '正文&amp;附注'] }))).toEqual({ kind: 'ofd', mediaType: 'application/ofd', text: '标题\n正文&附注' });
    expect(await inspectAttachment('照片.png', PNG)).toEqual({ kind: 'png', mediaType: 'image/png', text: null });
  });

  it('reads an OFD page by page in page order', () => {
    expect(ofdText(ofd({ Page_10: ['十一'], Page_2: ['三'], Page_0: ['一'] }))).toBe('一\n三\n十一');
  });

  it('refuses what the extension claims and the bytes deny, unknown types, zip bombs and unreadable files', async () => {
    expect(await refusal('名单.pdf', PNG)).toBe('ATTACHMENT.TYPE_MISMATCH');
    expect(await refusal('照片.png', pdfOf('x'))).toBe('ATTACHMENT.TYPE_MISMATCH');
    expect(await refusal('压缩包.ofd', storedZip({ 'a.txt': 'no OFD.xml' }))).toBe('ATTACHMENT.TYPE_MISMATCH');
    expect(await refusal('程序.exe', Buffer.from('MZ'))).toBe('ATTACHMENT.TYPE_NOT_ALLOWED');
    expect(await refusal('无后缀', pdfOf('x'))).toBe('ATTACHMENT.TYPE_NOT_ALLOWED');
    expect(await refusal('空.pdf', new Uint8Array())).toBe('ATTACHMENT.EMPTY');
    const bomb = zipSync({ 'OFD.xml': new TextEncoder().encode('<ofd:OFD/>'), 'Doc_0/huge.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 1 });
    expect(await refusal('炸弹.ofd', bomb)).toBe('ATTACHMENT.ARCHIVE_UNSAFE');
    const traversal = storedZip({ 'OFD.xml': '<ofd:OFD/>', '../../evil.xml': '<x/>' });
    expect(await refusal('路径.ofd', traversal)).toBe('ATTACHMENT.ARCHIVE_UNSAFE');
    const brokenDocx = Buffer.from(docxOf('正文'));
    brokenDocx.write('<<<<', brokenDocx.indexOf('<w:document'));
    expect(await refusal('坏的.docx', brokenDocx)).toBe('ATTACHMENT.UNREADABLE');
    expect(await refusal('坏的.pdf', Buffer.from('%PDF-1.4 garbage'))).toBe('ATTACHMENT.UNREADABLE');
  });
});
