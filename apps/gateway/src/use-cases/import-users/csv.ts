import { CsvError, parse } from 'csv-parse/sync';

/** One CSV record and the file line it starts on (1-based), for error reports. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * RFC 4180 CSV (csv-parse): comma-separated, fields optionally in double quotes (a doubled quote
 * inside is one quote; quoted fields may span lines), CRLF, LF or CR line ends, a leading BOM
 * ignored, a stray quote inside a field kept as it is. Blank lines are skipped. An unterminated quote
 * is reported with the line it opens on.
 */
export function parseCsv(text: string): { records: CsvRecord[] } | { unterminatedQuoteAt: number } {
  // csv-parse gives the line each record ends on; a report names the line it starts on.
  const endLines: number[] = [];
  try {
    const rows = parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      on_record: (record: string[], { lines }) => {
        endLines.push(lines);
        return record;
      },
    });
    const breaksIn = (fields: string[]): number => fields.reduce((breaks, field) => breaks + (field.match(LINE_BREAK)?.length ?? 0), 0);
    return { records: rows.map((fields, index) => ({ line: (endLines[index] ?? 0) - breaksIn(fields), fields })) };
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
    // The open record starts on the first non-blank line after the last complete one.
    const lines = text.split(LINE_BREAK);
    let line = endLines.at(-1) ?? 0;
    while (line < lines.length - 1 && lines[line] === '') line += 1;
    return { unterminatedQuoteAt: line + 1 };
  }
}
