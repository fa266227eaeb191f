import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads plain records with their line numbers, skipping blank lines', () => {
    expect(parseCsv('a,b\r\n\r\nc,d\n')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 3, fields: ['c', 'd'] },
      ],
    });
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('\uFEFFname,note\n"张三","说""好"",\n再见"\nx,'),).toEqual({
      records: [
        { line: 1, fields: ['name', 'note'] },
        { line: 2, fields: ['张三', '说"好",\n再见'] },
        { line: 4, fields: ['x', ''] },
      ],
    });
  });

  it('reports an unterminated quote with its line', () => {
    expect(parseCsv('a,b\n"oops,c\n')).toEqual({ unterminatedQuoteAt: 2 });
    expect(parseCsv('a,b\n\n\nx,"y\nz')).toEqual({ unterminatedQuoteAt: 4 });
  });

  it('reads CR and mixed line ends and keeps a stray quote inside a field', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg"h,i')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
        { line: 3, fields: ['e', 'f'] },
        { line: 4, fields: ['g"h', 'i'] },
      ],
    });
  });
});
