// The baselines every bench measures in the same run as the code it times: the floor (read the bytes,
// count the newlines — no parser can do less) and papaparse (the usual JavaScript CSV parser).
import Papa from 'papaparse';

export function floorLines(buf: Buffer): number {
  let lines = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) lines++;
  return lines;
}

export function decodeUtf8(buf: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(buf);
}

export function papaparseRows(text: string): number {
  return Papa.parse<string[]>(text, { delimiter: ',' }).data.length;
}
