import { neutraliseCell, safeCell } from './spreadsheet-cell';

describe('neutraliseCell', () => {
  it.each(['=HYPERLINK("http://evil.example","clic")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'])('neutralises %j with a leading apostrophe', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it.each(['RT-2026-000123', 'Bogotá, D.C.', '', ' =1', 'a=b'])('keeps %j as it is', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });

  it('keeps numbers as numbers and empty values as empty cells', () => {
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell(null)).toBe('');
    expect(safeCell('-3')).toBe("'-3");
  });
});
