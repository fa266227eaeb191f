import { describe, expect, it } from 'vitest';
import { detectDocumentNumbers } from './document-numbers.js';

describe('detectDocumentNumbers', () => {
  it.each(['国办发[2019]1号', '国办发【2019】1号', '国办发(2019)1号', '国办发（2019）1号', '国办发 [2019] 1 号'])(
    'flags %s and suggests 〔2019〕1号',
    (text) => {
      const [f] = detectDocumentNumbers(`根据${text}文件`);
      expect(f).toMatchObject({ type: 'document_number_format', severity: 'warning', suggestion: '〔2019〕1号' });
      expect(f.matched.startsWith('国办发')).toBe(false);
      expect(`根据${text}文件`.slice(f.start, f.end)).toBe(f.matched);
    },
  );

  it('accepts 六角括号', () => {
    expect(detectDocumentNumbers('国办发〔2019〕1号')).toEqual([]);
  });

  it('does not flag court case numbers or bare years in brackets', () => {
    expect(detectDocumentNumbers('（2019）青0202行初12号')).toEqual([]);
    expect(detectDocumentNumbers('本年度（2019）共收到申请5件')).toEqual([]);
  });
});
