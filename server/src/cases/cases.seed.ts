import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { DemoSeed, RutaConfig } from '@ruta/platform';
import { CASE_SOURCE, CaseStatus, EXPLOITATION_PURPOSE, MEANS_OF_CONTROL, SCREENING_INDICATOR } from '@ruta/shared';
import { deriveAgeFacts } from './core/case-derivations';

/**
 * About 200 synthetic cases for demo mode, so that every screen has something to show. Names are obviously
 * fictional ("Luz Ficticia Demo 042"); the spread over institutions, statuses, purposes, places and ages is
 * pseudo-random but deterministic (the same on every fresh database). Set-based inserts: well under a second.
 */
export const DEMO_CASE_COUNT = 200;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MUNICIPALITIES = ['11001', '05001', '76001', '08001', '13001', '54001', '66001', '68001', '52001', '50001', '17001', '47001', '19001', '73001', '88001', '81001'];
const CREATORS = ['investigator@policia.demo', 'investigator@das.demo', 'prosecutor@fiscalia.demo', 'supervisor@oim.demo', 'caseworker@oim.demo'];
const STATUSES: CaseStatus[] = ['received', 'screening', 'ruled_out', 'immediate_assistance', 'medium_term_assistance', 'follow_up', 'closed', 'suspended'];
const FIRST_NAMES = [
  ['Luz', 'female'],
  ['Ana', 'female'],
  ['María José', 'female'],
  ['Sofía', 'female'],
  ['Valentina', 'female'],
  ['Camila', 'female'],
  ['José', 'male'],
  ['Andrés', 'male'],
  ['Juan Pablo', 'male'],
  ['Carlos', 'male'],
] as const;

interface DemoCase {
  id: string;
  creator: string;
  createdAt: string;
  identifiedOn: string;
  source: string;
  scope: string;
  direction: string | null;
  municipality: string;
  status: CaseStatus;
  statusBeforeSuspension: CaseStatus | null;
  closeReason: string | null;
  traffickingStatus: string;
  purposes: string;
  means: string;
  labourSector: string | null;
  ageBand: string | null;
  minorAtIdentification: boolean | null;
  minorAtExploitation: boolean | null;
  childWelfareFlag: boolean;
  givenNames: string;
  familyNames: string;
  sex: string;
  birthDate: string | null;
  estimatedAge: number | null;
  nationality: string;
  documentType: string;
  documentNumber: string;
  exploitationStart: string;
  assignToCaseworker: boolean;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function demoCases(now = new Date()): DemoCase[] {
  const next = random(20260301);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: DEMO_CASE_COUNT }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const created = new Date(now.getTime() - Math.floor(next() * 730) * 86_400_000 - Math.floor(next() * 86_400_000));
    const identifiedOn = isoDay(new Date(created.getTime() - Math.floor(next() * 10) * 86_400_000));
    const minor = next() < 0.25;
    const age = minor ? 9 + Math.floor(next() * 9) : 18 + Math.floor(next() * 35);
    const estimated = next() < 0.15;
    const birthDate = `${Number(identifiedOn.slice(0, 4)) - age - 1}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const exploitationStart = isoDay(new Date(new Date(identifiedOn).getTime() - Math.floor(next() * 900) * 86_400_000));
    const facts = deriveAgeFacts({ birthDate: estimated ? null : birthDate, estimatedAge: estimated ? age : null, identifiedOn, exploitationStartedOn: exploitationStart });
    const status = pick(STATUSES);
    const purposes = [...new Set([pick(EXPLOITATION_PURPOSE.values), ...(next() < 0.3 ? [pick(EXPLOITATION_PURPOSE.values)] : [])])];
    const means = [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(MEANS_OF_CONTROL.values)))];
    const international = next() < 0.4;
    const [given, sex] = pick(FIRST_NAMES);
    const creator = CREATORS[i % CREATORS.length];
    const venezuelan = next() < 0.25;
    return {
      id: randomUUID(),
      creator,
      createdAt: created.toISOString(),
      identifiedOn,
      source: pick(CASE_SOURCE.values),
      scope: international ? 'international' : 'internal',
      direction: international ? (next() < 0.7 ? 'outbound' : 'inbound') : null,
      municipality: pick(MUNICIPALITIES),
      status,
      statusBeforeSuspension: status === 'suspended' ? 'immediate_assistance' : null,
      closeReason: status === 'closed' ? 'assistance_completed' : null,
      traffickingStatus: status === 'ruled_out' ? 'ruled_out' : next() < 0.5 ? 'confirmed' : 'possible',
      purposes: purposes.join(','),
      means: means.join(','),
      labourSector: purposes.includes('forced_labour') ? 'agriculture' : null,
      ageBand: facts.ageBand,
      minorAtIdentification: facts.minorAtIdentification,
      minorAtExploitation: facts.minorAtExploitation,
      childWelfareFlag: facts.childWelfareFlag,
      givenNames: `${given} ${sex === 'female' ? 'Ficticia' : 'Ficticio'}`,
      familyNames: `Demo ${n}`,
      sex,
      birthDate: estimated ? null : birthDate,
      estimatedAge: estimated ? age : null,
      nationality: venezuelan ? 'VE' : 'CO',
      documentType: venezuelan ? 'pep_ppt' : minor ? 'tarjeta_identidad' : 'cedula',
      documentNumber: `99${String(i + 1).padStart(6, '0')}`,
      exploitationStart,
      assignToCaseworker: creator === 'supervisor@oim.demo' && i % 2 === 1,
    };
  });
}

/** Seeds the demo cases once: nothing happens when any case exists. */
/** Demo cases (demo mode only); needs the identity seed's institutions and accounts. */
export const casesSeed: DemoSeed = {
  area: 'cases',
  run: (manager: EntityManager, config: RutaConfig) => (config.demo ? seedDemoCases(manager) : Promise.resolve([])),
};

async function seedDemoCases(manager: EntityManager): Promise<string[]> {
  const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM cases`);
  if (n > 0) return [];
  const rows = demoCases();
  const col = <K extends keyof DemoCase>(key: K) => rows.map((r) => r[key]);
  await manager.query(
    `INSERT INTO cases (id, code, "ownerInstitutionId", "createdById", source, scope, direction, "identifiedOn", "departmentCode", "municipalityCode",
       "traffickingStatus", "traffickingStatusInstitutionId", "traffickingStatusDecidedAt", status, "statusBeforeSuspension", "closeReason", "statusChangedAt",
       "minorAtIdentification", "minorAtExploitation", "childWelfareFlag", "ageBand", purposes, "labourSector", "meansOfControl", "createdAt", "updatedAt", version)
     SELECT d.id, 'RT-' || to_char(d.created, 'YYYY') || '-' || lpad(nextval('case_code_seq')::text, 6, '0'), u."institutionId", u.id, d.source, d.scope, d.direction,
       d.identified, left(d.municipality, 2), d.municipality, d.tstatus, CASE WHEN d.tstatus <> 'possible' THEN u."institutionId" END,
       CASE WHEN d.tstatus <> 'possible' THEN d.created END, d.status, d.before, d.close_reason, d.created,
       d.minor_id, d.minor_ex, d.welfare, d.band, string_to_array(d.purposes, ','), d.sector, string_to_array(d.means, ','), d.created, d.created, 1
     FROM unnest($1::uuid[], $2::varchar[], $3::timestamptz[], $4::date[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[],
       $11::varchar[], $12::varchar[], $13::boolean[], $14::boolean[], $15::boolean[], $16::varchar[], $17::text[], $18::varchar[], $19::text[])
       WITH ORDINALITY AS d(id, creator, created, identified, source, scope, direction, municipality, status, before, close_reason, tstatus,
         minor_id, minor_ex, welfare, band, purposes, sector, means, ord)
     JOIN users u ON u.email = d.creator
     ORDER BY d.ord`,
    [
      col('id'), col('creator'), col('createdAt'), col('identifiedOn'), col('source'), col('scope'), col('direction'), col('municipality'), col('status'),
      col('statusBeforeSuspension'), col('closeReason'), col('traffickingStatus'), col('minorAtIdentification'), col('minorAtExploitation'),
      col('childWelfareFlag'), col('ageBand'), col('purposes'), col('labourSector'), col('means'),
    ],
  );
  await manager.query(
    `INSERT INTO victims ("caseId", "givenNames", "familyNames", sex, "birthDate", "estimatedAge", nationality, "documentType", "documentNumber",
       languages, "migrationStatus")
     SELECT d.id, d.given, d.family, d.sex, d.birth, d.estimated, d.nationality, d.doc_type, d.doc, ARRAY['es'],
       CASE WHEN d.nationality = 'CO' THEN 'national' ELSE 'irregular_migrant' END
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::varchar[], $5::text[], $6::smallint[], $7::varchar[], $8::varchar[], $9::text[])
       AS d(id, given, family, sex, birth, estimated, nationality, doc_type, doc)`,
    [
      col('id'), col('givenNames'), col('familyNames'), col('sex'), col('birthDate'), col('estimatedAge'), col('nationality'), col('documentType'),
      col('documentNumber'),
    ],
  );
  await manager.query(
    `INSERT INTO screenings ("caseId", "screenedOn", acts, means, purposes, indicators, result, "interviewerUserId", "createdById", "createdAt")
     SELECT c.id, c."identifiedOn", ARRAY['recruitment', 'transfer'], '{}', c.purposes, string_to_array($2, ','),
       CASE WHEN c.status = 'ruled_out' THEN 'not_a_victim' ELSE 'possible_victim' END, c."createdById", c."createdById", c."createdAt"
     FROM cases c WHERE c.id = ANY($1::uuid[])`,
    [col('id'), SCREENING_INDICATOR.values.slice(0, 3).join(',')],
  );
  await manager.query(
    `INSERT INTO trafficking_events ("caseId", kind, "countryCode", "departmentCode", "municipalityCode", "startedOn")
     SELECT c.id, 'exploitation', 'CO', c."departmentCode", c."municipalityCode", d.started
     FROM unnest($1::uuid[], $2::date[]) AS d(id, started) JOIN cases c ON c.id = d.id`,
    [col('id'), col('exploitationStart')],
  );
  await manager.query(
    `INSERT INTO case_status_transitions ("caseId", "fromStatus", "toStatus", "byUserId", "byInstitutionId", at)
     SELECT c.id, NULL, 'received', c."createdById", c."ownerInstitutionId", c."createdAt" FROM cases c WHERE c.id = ANY($1::uuid[])
     UNION ALL
     SELECT c.id, 'received', c.status, c."createdById", c."ownerInstitutionId", c."createdAt" + interval '1 day'
       FROM cases c WHERE c.id = ANY($1::uuid[]) AND c.status <> 'received'`,
    [col('id')],
  );
  await manager.query(
    `INSERT INTO consents ("caseId", purpose, "grantedBy", method, "grantedAt", "recordedById")
     SELECT c.id, 'data_processing', CASE WHEN c."minorAtIdentification" THEN 'guardian' ELSE 'self' END, 'written', c."createdAt", c."createdById"
     FROM cases c WHERE c.id = ANY($1::uuid[])`,
    [col('id')],
  );
  await manager.query(
    `INSERT INTO case_assignments ("caseId", "userId", "assignedById", "assignedAt")
     SELECT c.id, w.id, c."createdById", c."createdAt" FROM cases c JOIN users w ON w.email = 'caseworker@oim.demo'
     WHERE c.id = ANY($1::uuid[])`,
    [rows.filter((r) => r.assignToCaseworker).map((r) => r.id)],
  );
  return [`Demo mode: seeded ${rows.length} synthetic cases (fictional names "… Ficticia/Ficticio Demo NNN")`];
}
