import { parseLogTime, PlaceIndex, validateCallLogRow } from './call-log-rows';

const places: PlaceIndex = { departments: new Set(['05', '11', '76']), municipalities: new Map([['05001', '05'], ['11001', '11'], ['76001', '76']]) };
const mapping = { startedAt: 'fecha', channel: 'canal', callerType: 'quien', callType: 'tipo', municipalityCode: 'mun', purposes: 'fin', consentToAuthorities: 'ok', phone: 'tel' };
const now = new Date('2026-12-01T12:00:00Z');
const row = (over: Record<string, string> = {}) => ({ fecha: '2024-03-05 14:30', canal: 'Teléfono', quien: 'familiar', tipo: 'TIP', mun: '76001', fin: 'Explotación sexual; forced_labour', ok: 'Sí', tel: '300 555 1234', ...over });

describe('call-log rows', () => {
  it('reads local Colombian times and ISO instants, and refuses days that do not exist', () => {
    expect(parseLogTime('2024-03-05 14:30')?.toISOString()).toBe('2024-03-05T19:30:00.000Z');
    expect(parseLogTime('05/03/2024 09:05')?.toISOString()).toBe('2024-03-05T14:05:00.000Z');
    expect(parseLogTime('2024-03-05T10:00:00Z')?.toISOString()).toBe('2024-03-05T10:00:00.000Z');
    expect(parseLogTime('2024-02-30 10:00')).toBeNull();
    expect(parseLogTime('ayer')).toBeNull();
  });

  it('takes options by code or label in either language, fills the department from the municipality and normalises the phone', () => {
    const result = validateCallLogRow(row(), mapping, places, 2, now);
    expect(result).toEqual({
      row: expect.objectContaining({ channel: 'phone', callerType: 'relative', callType: 'tip', departmentCode: '76', municipalityCode: '76001', purposes: ['sexual_exploitation', 'forced_labour'], consentToAuthorities: true, phone: '573005551234', urgency: 'routine' }),
    });
  });

  it('reports every reason of a bad row by field, never the value', () => {
    const result = validateCallLogRow(row({ fecha: '2030-01-01 10:00', canal: 'paloma', mun: '99999', ok: 'quizás', tel: 'abc' }), mapping, places, 7, now);
    expect(result).toEqual({
      rejections: [
        { row: 7, field: 'startedAt', reason: 'in_future' },
        { row: 7, field: 'channel', reason: 'unknown_option' },
        { row: 7, field: 'municipalityCode', reason: 'invalid_divipola' },
        { row: 7, field: 'consentToAuthorities', reason: 'not_yes_or_no' },
        { row: 7, field: 'phone', reason: 'invalid_phone' },
      ],
    });
    expect(JSON.stringify(result)).not.toMatch(/paloma|99999|abc/);
  });
});
