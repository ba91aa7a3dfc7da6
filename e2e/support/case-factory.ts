import { Client } from 'pg';
import { CreateCaseRequest } from '@ruta/shared';

let counter = 0;

/** A birth date that differs between calls and between test files, so that name + birth date duplicates stay apart. */
function distinctBirthDate(): string {
  const day = new Date(Date.UTC(1975, 0, 1) + ((process.pid % 97) * 97 + counter) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** A unique, valid intake request; override any part. Names are fictional and unique per call. */
export function newCaseRequest(overrides: { case?: object; screening?: object; victim?: object; situation?: object; consents?: object[] } = {}): CreateCaseRequest {
  counter += 1;
  const unique = `${process.pid % 1000}${counter}`.padStart(6, '0');
  return {
    case: { source: 'police_operation', scope: 'internal', identifiedOn: '2026-01-15', municipalityCode: '11001', ...overrides.case },
    screening: { screenedOn: '2026-01-15', acts: ['recruitment', 'harbouring'], means: [], purposes: ['forced_labour'], indicators: ['no_identity_documents'], result: 'possible_victim', ...overrides.screening },
    victim: { givenNames: `Prueba ${unique}`, familyNames: 'Ficticia', sex: 'female', birthDate: distinctBirthDate(), nationality: 'CO', documentType: 'cedula', documentNumber: `77${unique}`, ...overrides.victim },
    situation: {
      purposes: ['forced_labour'],
      labourSector: 'agriculture',
      meansOfControl: ['withholds_documents'],
      events: [{ kind: 'exploitation', countryCode: 'CO', municipalityCode: '05001', startedOn: '2025-06-01' }],
      ...overrides.situation,
    },
    consents: overrides.consents ?? [{ purpose: 'data_processing', grantedBy: 'self', method: 'written', grantedAt: '2026-01-15T10:00:00Z' }],
  } as CreateCaseRequest;
}

/** Row counts of the case tables, read as the owner (past row-level security), to prove nothing was written. */
export async function caseTableCounts(): Promise<Record<string, number>> {
  const client = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
  await client.connect();
  try {
    const tables = ['cases', 'victims', 'victim_locations', 'screenings', 'trafficking_events', 'consents', 'case_status_transitions', 'case_documents', 'case_notes'];
    const { rows } = await client.query(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Runs SQL as the owner (bypassing row-level security): for assertions on audit events and raw rows only. */
export async function ownerQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
