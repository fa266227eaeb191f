import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { zipSync } from 'fflate';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { clearSecrecy, draftArticle, signInCast, signOff, waitForPublication } from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import { docxOf, pdfOf, storedZip } from './support/report-files.js';
import { ROOT, startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/** The gateway's and the portal's attachment limit in this run (2 MiB), so "too large" is cheap to send. */
const MAX_BYTES = 2 * 1024 * 1024;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A PNG's first bytes: signature and an IHDR chunk (enough for type sniffing; images are not OCR'd). */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e2b6a30000000049454e44ae426082', 'hex');

/** An OFD (GB/T 33190: a zip of XML) whose one page carries the text as TextCode runs. */
function ofdOf(lines: string[]): Buffer {
  const codes = lines.map((line) => `<ofd:TextObject ID="1"><ofd:TextCode X="0" Y="0">${line}</ofd:TextCode></ofd:TextObject>`).join('');
  return storedZip({
    'OFD.xml': '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
    'Doc_0/Document.xml': '<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
    'Doc_0/Pages/Page_0/Content.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">${codes}</ofd:Layer></ofd:Content></ofd:Page>`,
  });
}

/** A zip bomb dressed as an OFD: 8 MiB of zeros compressed to about 8 KiB (a ratio far over the limit). */
function ofdBomb(): Buffer {
  return Buffer.from(zipSync({ 'OFD.xml': new TextEncoder().encode('<ofd:OFD/>'), 'Doc_0/huge.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 1 }));
}

/** A Word file whose document part is not XML. */
function brokenDocx(): Buffer {
  const bytes = Buffer.from(docxOf('正文'));
  bytes.write('<<<<', bytes.indexOf('<w:document'));
  return bytes;
}

/** GET with the session's token, the body kept as bytes. */
function download(base: string, path: string, session?: Session) {
  const call = request(base).get(path).responseType('blob');
  return session === undefined ? call : call.set('Authorization', `Bearer ${session.token}`);
}

describe('attachments (附件): upload, checks, signatures, publication', () => {
  let system: RunningSystem;
  let cast: Cast;
  let outsider: Session;

  beforeAll(async () => {
    system = await startSystem({ ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
    cast = await signInCast(system);
    outsider = await signIn(system, 'zw_drafter');
  });

  afterAll(async () => {
    await system?.stop();
  });

  const upload = (session: Session, id: string, version: number, filename: string, bytes: Buffer) =>
    request(system.gatewayUrl)
      .post(`/api/v1/documents/${id}/attachments?version=${version}`)
      .set('Authorization', `Bearer ${session.token}`)
      .attach('file', bytes, { filename, contentType: 'application/octet-stream' });

  const stored = (dir: 'services' | 'portal', bytes: Uint8Array): boolean => {
    const hash = sha256(bytes);
    return existsSync(`${ROOT}.run/e2e-attachments/${system.namespace}/${dir}/sha256/${hash.slice(0, 2)}/${hash}`);
  };

  it('refuses hostile files with a clear 4xx and a Chinese message, storing nothing and making no version', async () => {
    const drafted = await draftArticle(cast);
    const cases: [string, Buffer, number, string][] = [
      ['名单.pdf', PNG, 400, 'ATTACHMENT.TYPE_MISMATCH'], // the extension claims a PDF, the bytes are a PNG
      ['setup.exe', Buffer.from('MZ\x90\x00 not allowed'), 415, 'ATTACHMENT.TYPE_NOT_ALLOWED'],
      ['炸弹.ofd', ofdBomb(), 400, 'ATTACHMENT.ARCHIVE_UNSAFE'],
      ['超大.pdf', Buffer.concat([pdfOf('大文件'), Buffer.alloc(MAX_BYTES)]), 413, 'ATTACHMENT.TOO_LARGE'],
      ['空.pdf', Buffer.alloc(0), 400, 'ATTACHMENT.EMPTY'],
      ['坏的.docx', brokenDocx(), 400, 'ATTACHMENT.UNREADABLE'],
    ];
    for (const [filename, bytes, status, code] of cases) {
      const answer = await upload(cast.drafter, drafted.id, drafted.version, filename, bytes);
      expect([filename, answer.status, answer.body.code]).toEqual([filename, status, code]);
      expect(answer.body.message).toMatch(/[\u4e00-\u9fff]/);
      expect(stored('services', bytes), `${filename} was stored`).toBe(false);
    }
    // A path in the name, sent as is (HTTP clients strip it; a hostile one does not).
    for (const filename of ['../../etc/passwd.pdf', '..\\..\\boot.pdf', '/abs.pdf']) {
      const bytes = pdfOf(filename);
      const boundary = '----sanshen-e2e';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const answer = await request(system.gatewayUrl)
        .post(`/api/v1/documents/${drafted.id}/attachments?version=${drafted.version}`)
        .set('Authorization', `Bearer ${cast.drafter.token}`)
        .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
        .send(body);
      expect([filename, answer.status, answer.body.code]).toEqual([filename, 400, 'ATTACHMENT.FILENAME_INVALID']);
      expect(stored('services', bytes)).toBe(false);
    }
    const document = await cast.drafter.get(`/api/v1/documents/${drafted.id}`);
    expect(document.body.version).toBe(drafted.version);
    expect(document.body.content.attachments).toBeUndefined();
  });

  it('is for the drafter of a visible draft only: others get 404/403, nothing stored', async () => {
    const drafted = await draftArticle(cast);
    const bytes = pdfOf('只有起草人可以上传');
    expect((await upload(outsider, drafted.id, drafted.version, 'a.pdf', bytes)).status).toBe(404);
    expect((await upload(cast.head, drafted.id, drafted.version, 'a.pdf', bytes)).body.code).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
    expect((await upload(cast.drafter, drafted.id, drafted.version + 1, 'a.pdf', bytes)).status).toBe(409);
    expect(stored('services', bytes)).toBe(false);
  });

  it('refuses to submit while a blocking finding in an attachment is unexplained, naming the attachment', async () => {
    const drafted = await draftArticle(cast);
    const pdf = pdfOf('机密★1年\n关于有关事项的说明');
    const added = await upload(cast.drafter, drafted.id, drafted.version, '内部说明.pdf', pdf);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const refused = await cast.drafter.post(`/api/v1/documents/${drafted.id}/submit`, { version: added.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('DOCUMENT.FINDINGS_UNEXPLAINED');
    expect(refused.body.details.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ section: 'attachments.内部说明.pdf', type: 'classification_mark' })]),
    );
  });

  it('makes a new version per attachment (hash covers it), checks their text, and publishes them to the portal', async () => {
    const drafted = await draftArticle(cast, '<p>现将2025年度专精特新中小企业名单予以公布。</p>', '关于公布专精特新中小企业名单的通知');
    const pdf = pdfOf('2025年度专精特新中小企业名单\n海东市某某科技有限公司');
    const ofd = ofdOf(['附件说明', '本名单的的企业按行政区划排列']);
    const png = PNG;

    const first = await upload(cast.drafter, drafted.id, drafted.version, '2025年 专精特新名单.pdf', pdf);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.version).toBe(drafted.version + 1);
    expect(first.body.contentHash).not.toBe(drafted.contentHash);
    expect(first.body.content.attachments).toEqual([{ sha256: sha256(pdf), filename: '2025年 专精特新名单.pdf', mediaType: 'application/pdf', size: pdf.length }]);
    expect(stored('services', pdf)).toBe(true);
    // The same file twice is refused (nothing changes).
    expect((await upload(cast.drafter, drafted.id, first.body.version, '又一份.pdf', pdf)).body.code).toBe('ATTACHMENT.DUPLICATE');
    const second = await upload(cast.drafter, drafted.id, first.body.version, '说明.ofd', ofd);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.content.attachments[1]).toMatchObject({ filename: '说明.ofd', mediaType: 'application/ofd' });
    const third = await upload(cast.drafter, drafted.id, second.body.version, '现场照片.png', png);
    expect(third.status, JSON.stringify(third.body)).toBe(201);

    // A PATCH keeps the attachments; removing one is a new version without it.
    const patched = await cast.drafter.patch(`/api/v1/documents/${drafted.id}`, { version: third.body.version, content: { title: `${drafted.title}（修订）` } });
    expect(patched.status).toBe(200);
    expect(patched.body.content.attachments).toHaveLength(3);
    const removed = await request(system.gatewayUrl)
      .delete(`/api/v1/documents/${drafted.id}/attachments/${sha256(png)}`)
      .set('Authorization', `Bearer ${cast.drafter.token}`)
      .send({ version: patched.body.version });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.content.attachments.map((file: { filename: string }) => file.filename)).toEqual(['2025年 专精特新名单.pdf', '说明.ofd']);
    const final = await upload(cast.drafter, drafted.id, removed.body.version, '现场照片.png', png);
    expect(final.status).toBe(201);
    const version = final.body.version as number;

    // The checks read the attachments' text: the OFD's doubled word, located in its file; the image is not OCR'd and says so.
    const check = await cast.drafter.post(`/api/v1/documents/${drafted.id}/check`, {});
    expect(check.status).toBe(200);
    expect(check.body.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ section: 'attachments.说明.ofd', type: 'doubled_word', matched: '的的' }),
        expect.objectContaining({ section: 'attachments.现场照片.png', type: 'attachment_unscanned', severity: 'warning' }),
      ]),
    );

    // Not visible: 404 for another agency's drafter and for a publisher before clearance; the reviewer downloads.
    const path = `/api/v1/documents/${drafted.id}/attachments/${sha256(pdf)}`;
    expect((await outsider.get(path)).status).toBe(404);
    expect((await cast.publisher.get(path)).status).toBe(404);
    await signOff(cast, drafted.id, version);
    const reviewed = await download(system.gatewayUrl, path, cast.principal);
    expect(reviewed.status).toBe(200);
    expect(reviewed.headers['content-type']).toBe('application/pdf');
    expect(reviewed.headers['x-content-type-options']).toBe('nosniff');
    expect(reviewed.headers['content-disposition']).toContain(`filename*=UTF-8''2025%E5%B9%B4%20%E4%B8%93%E7%B2%BE%E7%89%B9%E6%96%B0%E5%90%8D%E5%8D%95.pdf`);
    expect(sha256(reviewed.body as Buffer)).toBe(sha256(pdf));

    // The secrecy officer's scan covers the attachments too.
    const secrecy = await cast.secrecyOfficer.get(`/api/v1/documents/${drafted.id}/secrecy`);
    expect(secrecy.status, JSON.stringify(secrecy.body)).toBe(200);
    const sections = JSON.stringify(secrecy.body);
    expect(sections).toContain('attachments.说明.ofd');
    expect(sections).toContain('attachments.现场照片.png');

    await clearSecrecy(cast, drafted.id, version);
    const publication = await waitForPublication(cast.drafter, drafted.id, (p) => p.state === 'published' && p.receipt !== null, 'the portal receipt');
    expect(publication.receipt!.contentHash).toBe(final.body.contentHash);

    // The portal has its own copy and serves it from the item page.
    expect(stored('portal', pdf) && stored('portal', ofd) && stored('portal', png)).toBe(true);
    const page = await request(system.portalUrl).get(new URL(publication.receipt!.url).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2 id="attachments">附件</h2>');
    expect(page.text).toContain(`/items/${drafted.id}/attachments/${sha256(ofd)}`);
    const publicFile = await download(system.portalUrl, `/items/${drafted.id}/attachments/${sha256(ofd)}`);
    expect(publicFile.status).toBe(200);
    expect(publicFile.headers['content-type']).toBe('application/ofd');
    expect(publicFile.headers['x-content-type-options']).toBe('nosniff');
    expect(publicFile.headers['content-disposition']).toBe(`attachment; filename=attachment.ofd; filename*=UTF-8''%E8%AF%B4%E6%98%8E.ofd`);
    expect(sha256(publicFile.body as Buffer)).toBe(sha256(ofd));
    // A hash that is not this page's attachment is not served, though the portal holds the bytes.
    expect((await request(system.portalUrl).get(`/items/${drafted.id}/attachments/${sha256(Buffer.from('x'))}`)).status).toBe(404);
  });
});
