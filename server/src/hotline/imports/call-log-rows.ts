import { EXPLOITATION_PURPOSE, HOTLINE_CALL_TYPE, HOTLINE_CALLER_TYPE, HOTLINE_CHANNEL, HOTLINE_URGENCY, HotlineImportField, HotlineImportRejection, Labelled } from '@ruta/shared';
import { isCountryCode } from '@ruta/places';
import { normalisePhone } from '../contacts/caller-phone';

/** A validated row of a historical call log, ready to insert (the phone normalised, still in clear: encrypted by the job). */
export interface CallLogRow {
  startedAt: string;
  durationSeconds: number | null;
  channel: string;
  callerType: string;
  callType: string;
  departmentCode: string | null;
  municipalityCode: string | null;
  countryCode: string | null;
  purposes: string[];
  urgency: string;
  summary: string | null;
  consentToAuthorities: boolean;
  phone: string | null;
}

export interface PlaceIndex {
  departments: Set<string>;
  /** Municipality code → its department code. */
  municipalities: Map<string, string>;
}

const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();

/** Reads an option by its code or either label, accents and case aside. */
function optionReader(list: Labelled<string>): (raw: string) => string | null {
  const index = new Map<string, string>();
  for (const value of list.values) {
    index.set(plain(value), value);
    index.set(plain(list.labels[value].es), value);
    index.set(plain(list.labels[value].en), value);
  }
  // Logs repeat the same few spellings: remember each one read (bounded, so a hostile file cannot grow it).
  const seen = new Map<string, string | null>();
  return (raw) => {
    const known = seen.get(raw);
    if (known !== undefined) return known;
    const value = index.get(plain(raw)) ?? null;
    if (seen.size < 10_000) seen.set(raw, value);
    return value;
  };
}

const readers = {
  channel: optionReader(HOTLINE_CHANNEL),
  callerType: optionReader(HOTLINE_CALLER_TYPE),
  callType: optionReader(HOTLINE_CALL_TYPE),
  urgency: optionReader(HOTLINE_URGENCY),
  purpose: optionReader(EXPLOITATION_PURPOSE),
};

const YES = new Set(['si', 'yes', 'true', '1', 'x']);
const NO = new Set(['no', 'false', '0', '']);
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A date and time as written in a log: ISO 8601 with a zone, or a local Colombian time (UTC−5) as YYYY-MM-DD HH:mm or DD/MM/YYYY HH:mm. */
export function parseLogTime(raw: string): Date | null {
  const value = raw.trim();
  if (!value) return null;
  let parts: string[] | null = null;
  const iso = LOCAL_TIME.exec(value);
  if (iso) parts = [iso[1], iso[2], iso[3], iso[4] ?? '00', iso[5] ?? '00', iso[6] ?? '00'];
  const dmy = DAY_MONTH_YEAR.exec(value);
  if (dmy) parts = [dmy[3], dmy[2].padStart(2, '0'), dmy[1].padStart(2, '0'), (dmy[4] ?? '00').padStart(2, '0'), dmy[5] ?? '00', dmy[6] ?? '00'];
  if (parts) {
    const date = new Date(`${parts[0]}-${parts[1]}-${parts[2]}T${parts[3]}:${parts[4]}:${parts[5]}-05:00`);
    // Round trip: 2026-02-30 is not a day (Date would roll it over into March).
    const local = Number.isNaN(date.getTime()) ? '' : new Date(date.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);
    return local === `${parts[0]}-${parts[1]}-${parts[2]}` ? date : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

function parseDuration(raw: string): number | null | 'invalid' {
  const value = raw.trim();
  if (!value) return null;
  if (/^\d{1,5}$/.test(value)) return Number(value);
  const m = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/.exec(value);
  if (m) return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  return 'invalid';
}

/**
 * Validates one row of a call log under a column mapping. Returns the row, or every reason it is rejected (field by
 * field, the value never repeated: the report may be read by someone who should not see a caller's number).
 */
export function validateCallLogRow(
  record: Record<string, string>,
  mapping: Partial<Record<HotlineImportField, string>>,
  places: PlaceIndex,
  line: number,
  now: Date,
): { row: CallLogRow } | { rejections: HotlineImportRejection[] } {
  const get = (field: HotlineImportField) => (mapping[field] ? (record[mapping[field]!] ?? '').trim() : '');
  const rejections: HotlineImportRejection[] = [];
  const reject = (field: HotlineImportField, reason: string) => rejections.push({ row: line, field, reason });

  const startedAt = parseLogTime(get('startedAt'));
  if (!get('startedAt')) reject('startedAt', 'required');
  else if (!startedAt) reject('startedAt', 'invalid_date');
  else if (startedAt.getTime() > now.getTime() + 60_000) reject('startedAt', 'in_future');

  const option = (field: 'channel' | 'callerType' | 'callType', reader: (raw: string) => string | null) => {
    const raw = get(field);
    if (!raw) return reject(field, 'required'), null;
    const value = reader(raw);
    if (!value) reject(field, 'unknown_option');
    return value;
  };
  const channel = option('channel', readers.channel);
  const callerType = option('callerType', readers.callerType);
  const callType = option('callType', readers.callType);
  const urgencyRaw = get('urgency');
  const urgency = urgencyRaw ? readers.urgency(urgencyRaw) : 'routine';
  if (!urgency) reject('urgency', 'unknown_option');

  const duration = parseDuration(get('durationSeconds'));
  if (duration === 'invalid' || (typeof duration === 'number' && duration > 86_400)) reject('durationSeconds', 'invalid_duration');

  const countryRaw = get('countryCode').toUpperCase();
  const countryCode = countryRaw || null;
  if (countryCode && !isCountryCode(countryCode)) reject('countryCode', 'invalid_country');
  const abroad = !!countryCode && countryCode !== 'CO';
  let departmentCode = get('departmentCode') || null;
  const municipalityCode = get('municipalityCode') || null;
  if (abroad && (departmentCode || municipalityCode)) reject('departmentCode', 'not_in_colombia');
  if (departmentCode && !places.departments.has(departmentCode.padStart(2, '0'))) reject('departmentCode', 'invalid_divipola');
  else if (departmentCode) departmentCode = departmentCode.padStart(2, '0');
  if (municipalityCode) {
    const department = places.municipalities.get(municipalityCode.padStart(5, '0'));
    if (!department) reject('municipalityCode', 'invalid_divipola');
    else if (departmentCode && department !== departmentCode) reject('municipalityCode', 'department_mismatch');
    else departmentCode = department;
  }

  const purposes: string[] = [];
  for (const part of get('purposes').split(/[;|]/).map((p) => p.trim()).filter(Boolean)) {
    const value = readers.purpose(part);
    if (!value) reject('purposes', 'unknown_option');
    else if (!purposes.includes(value)) purposes.push(value);
  }

  const consentRaw = get('consentToAuthorities').toLowerCase().replace('í', 'i');
  if (!YES.has(consentRaw) && !NO.has(consentRaw)) reject('consentToAuthorities', 'not_yes_or_no');

  const phoneRaw = get('phone');
  const phone = phoneRaw ? normalisePhone(phoneRaw) : null;
  if (phoneRaw && !phone) reject('phone', 'invalid_phone');

  const summary = get('summary') || null;
  if (summary && summary.length > 4000) reject('summary', 'too_long');
  if (rejections.length) return { rejections };
  return {
    row: {
      startedAt: startedAt!.toISOString(),
      durationSeconds: typeof duration === 'number' ? duration : null,
      channel: channel!,
      callerType: callerType!,
      callType: callType!,
      departmentCode: abroad ? null : departmentCode,
      municipalityCode: abroad || !municipalityCode ? null : municipalityCode.padStart(5, '0'),
      countryCode,
      purposes,
      urgency: urgency!,
      summary,
      consentToAuthorities: YES.has(consentRaw),
      phone,
    },
  };
}
