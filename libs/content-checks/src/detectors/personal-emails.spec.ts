import { describe, expect, it } from 'vitest';
import { detectPersonalEmails } from './personal-emails.js';

describe('detectPersonalEmails', () => {
  it('warns about a free-mail address, masked', () => {
    const text = '请将材料发送至zhangsan1980@163.com。';
    const [f] = detectPersonalEmails(text);
    expect(f).toMatchObject({ type: 'personal_email', severity: 'warning', matched: 'zhangsan1980@163.com', suggestion: 'zh***@163.com' });
    expect(text.slice(f.start, f.end)).toBe(f.matched);
  });

  it('does not flag agency and institution domains', () => {
    for (const address of ['gxj@haidong.gov.cn', 'xxgk@weihai.gov.cn', 'office@mee.gov', 'info@tsinghua.edu.cn']) {
      expect(detectPersonalEmails(`电子邮箱：${address}`)).toEqual([]);
    }
  });

  it('does not take a URL for an address', () => {
    expect(detectPersonalEmails('网址：http://www.weihai.gov.cn')).toEqual([]);
  });
});
