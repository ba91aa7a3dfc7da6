import { nameQueryParameters } from '@ruta/server/platform/crypto/blind-index';
import { AREAS } from './areas';
import { FAMILY_NAMES, GIVEN_NAMES, searchTerm } from './names';

export type ActorKey = 'investigator' | 'coordinator' | 'caseworker' | 'auditor' | 'prosecutor' | 'supervisor' | 'operator' | 'partner';

/** The demo accounts the benchmark acts as (sessions are opened straight in the database, second factor done). */
export const ACTORS: Record<ActorKey, string> = {
  investigator: 'investigator@policia.demo',
  coordinator: 'coordinator@mininterior.demo',
  caseworker: 'caseworker@oim.demo',
  auditor: 'auditor@procuraduria.demo',
  prosecutor: 'prosecutor@fiscalia.demo',
  supervisor: 'supervisor@oim.demo',
  operator: 'operator@oim.demo',
  partner: 'partner@icbf.demo',
};

export interface ScenarioContext {
  actors: Record<ActorKey, { token: string; csrf: string; userId: string; institutionId: string }>;
  /** Codes of cases the investigator may open (own institution). */
  codes: string[];
  /** The database's blind-index key: the minimal name search hashes the words as the server does. */
  blindIndexKey: Buffer;
  /** What each area's prepare() looked up, by area name (bench/areas). */
  areas: Record<string, unknown>;
}

export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface Scenario {
  name: string;
  label: string;
  actor: ActorKey;
  /** The i-th request (varies codes, names, bodies). */
  request(context: ScenarioContext, i: number): HttpCall;
  /** Writes are replayed in a transaction that is rolled back. */
  write?: boolean;
  /** The minimal reads (or writes) that produce the same answer, as the owner, without RLS, audit or framework. */
  minimal: { statements: string[]; params(context: ScenarioContext, i: number): unknown[] };
}

const page = `SELECT c.id, c.code, c.status, c."createdAt", i.name AS institution FROM cases c JOIN institutions i ON i.id = c."ownerInstitutionId"`;

let intakeCounter = 0;
function intakeBody(i: number): unknown {
  intakeCounter += 1;
  const n = `${process.pid % 1000}${intakeCounter}${i}`;
  return {
    case: { source: 'police_operation', scope: 'internal', identifiedOn: '2026-11-20', municipalityCode: '11001' },
    screening: { screenedOn: '2026-11-20', acts: ['recruitment', 'harbouring'], means: [], purposes: ['forced_labour'], indicators: ['no_identity_documents'], result: 'possible_victim' },
    // A person of the loaded distribution: the duplicate check at intake meets realistic near-matches, not one name.
    victim: {
      givenNames: GIVEN_NAMES[(i * 31 + intakeCounter) % GIVEN_NAMES.length],
      familyNames: `${FAMILY_NAMES[(i * 17 + intakeCounter * 7) % FAMILY_NAMES.length]} ${FAMILY_NAMES[(intakeCounter * 13) % FAMILY_NAMES.length]}`,
      sex: 'female',
      birthDate: new Date(Date.UTC(1960, 0, 1) + ((intakeCounter * 7919) % 16000) * 86_400_000).toISOString().slice(0, 10),
      nationality: 'CO',
      documentType: 'cedula',
      documentNumber: `88${n}`.slice(0, 15),
    },
    situation: { purposes: ['forced_labour'], labourSector: 'agriculture', meansOfControl: ['threats'], events: [{ kind: 'exploitation', countryCode: 'CO', municipalityCode: '05001', startedOn: '2026-06-01' }] },
    consents: [{ purpose: 'data_processing', grantedBy: 'self', method: 'written', grantedAt: '2026-11-20T10:00:00Z' }],
  };
}

/** The main reads and writes of cases, then of each area (bench/areas). */
export const SCENARIOS: Scenario[] = [
  {
    // The floor: an authenticated request that reads one user row and no victim data (session check, request context,
    // one transaction). What the stack itself costs on this machine, against which the other reads compare.
    name: 'floor_me',
    label: 'the floor: who am I (GET /api/auth/me)',
    actor: 'investigator',
    request: () => ({ method: 'GET', path: '/api/auth/me' }),
    minimal: { statements: [`SELECT u.id, u.email, u.name, u.language FROM users u WHERE u.id = $1`], params: (c) => [c.actors.investigator.userId] },
  },
  {
    name: 'list_investigator',
    label: 'case list, investigator',
    actor: 'investigator',
    request: () => ({ method: 'POST', path: '/api/cases/search', body: {} }),
    minimal: {
      statements: [`${page} WHERE c."ownerInstitutionId" = $1 ORDER BY c."createdAt" DESC, c.id DESC LIMIT 26`, `SELECT "caseId", "givenNames", "familyNames" FROM victims WHERE "caseId" IN (SELECT id FROM cases WHERE "ownerInstitutionId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 25)`],
      params: (c) => [c.actors.investigator.institutionId],
    },
  },
  {
    name: 'list_coordinator',
    label: 'case list, coordinator',
    actor: 'coordinator',
    request: () => ({ method: 'POST', path: '/api/cases/search', body: {} }),
    minimal: { statements: [`${page} ORDER BY c."createdAt" DESC, c.id DESC LIMIT 26`], params: () => [] },
  },
  {
    name: 'detail',
    label: 'case detail',
    actor: 'investigator',
    request: (c, i) => ({ method: 'GET', path: `/api/cases/${c.codes[i % c.codes.length]}` }),
    minimal: {
      statements: [
        `SELECT c.*, v.*, (SELECT json_agg(s) FROM screenings s WHERE s."caseId" = c.id) AS screenings,
           (SELECT json_agg(t) FROM trafficking_events t WHERE t."caseId" = c.id) AS events, (SELECT json_agg(k) FROM consents k WHERE k."caseId" = c.id) AS consents
         FROM cases c LEFT JOIN victims v ON v."caseId" = c.id WHERE c.code = $1`,
      ],
      params: (c, i) => [c.codes[i % c.codes.length]],
    },
  },
  {
    name: 'search_name',
    label: 'name search, investigator',
    actor: 'investigator',
    request: (_c, i) => ({ method: 'POST', path: '/api/cases/search', body: { name: searchTerm(i) } }),
    minimal: {
      // The blind-index search without RLS or framework: each word's tokens keyed by the institution (`&&`, one per
      // word, on IDX_victims_scoped_name_tokens), the terms being two words (searchTerm); then the page, newest first.
      // The candidates first (materialised: left to itself the planner walks every case newest first, hoping to meet 26
      // matches early, and takes seconds), then their newest page.
      statements: [
        `WITH m AS MATERIALIZED (SELECT v."caseId" FROM victims v
           WHERE v."scopedNameTokens" && ruta_scoped_name_tokens(($2::bigint[])[1:1], $1::uuid)
             AND v."scopedNameTokens" && ruta_scoped_name_tokens(($2::bigint[])[2:2], $1::uuid) AND v."ownerInstitutionId" = $1)
         SELECT c.id, c.code FROM m JOIN cases c ON c.id = m."caseId" ORDER BY c."createdAt" DESC LIMIT 26`,
      ],
      params: (c, i) => [c.actors.investigator.institutionId, nameQueryParameters(c.blindIndexKey, searchTerm(i))!.words],
    },
  },
  ...(['investigator', 'coordinator', 'caseworker'] as const).map<Scenario>((actor) => ({
    name: `stats_${actor}`,
    label: `home counts, ${actor}`,
    actor,
    request: () => ({ method: 'GET', path: '/api/cases/stats' }),
    minimal: {
      statements: [
        actor === 'investigator'
          ? `SELECT status, count(*) FROM cases WHERE "ownerInstitutionId" = $1 GROUP BY status`
          : actor === 'coordinator'
            ? `SELECT status, count(*) FROM cases WHERE $1::uuid IS NOT NULL GROUP BY status`
            : `SELECT status, count(*) FROM cases WHERE id IN (SELECT id FROM cases WHERE "createdById" = $1 UNION SELECT "caseId" FROM case_assignments WHERE "userId" = $1 AND "unassignedAt" IS NULL) GROUP BY status`,
      ],
      params: (c) => [actor === 'caseworker' ? c.actors[actor].userId : c.actors[actor].institutionId],
    },
  })),
  {
    name: 'audit_action_month',
    label: 'audit trail: action in a month',
    actor: 'auditor',
    request: () => ({ method: 'GET', path: '/api/audit/events?action=update&from=2024-03-01&to=2024-04-01' }),
    minimal: {
      statements: [`SELECT * FROM audit_events WHERE action = 'update' AND "occurredAt" >= '2024-03-01' AND "occurredAt" < '2024-04-01' ORDER BY "occurredAt" DESC, id DESC LIMIT 51`],
      params: () => [],
    },
  },
  {
    name: 'audit_user',
    label: 'audit trail: one user',
    actor: 'auditor',
    request: (c) => ({ method: 'GET', path: `/api/audit/events?userId=${c.actors.investigator.userId}` }),
    minimal: { statements: [`SELECT * FROM audit_events WHERE "actorUserId" = $1 ORDER BY "occurredAt" DESC, id DESC LIMIT 51`], params: (c) => [c.actors.investigator.userId] },
  },
  {
    name: 'intake',
    label: 'intake (new case)',
    actor: 'investigator',
    write: true,
    request: (_c, i) => ({ method: 'POST', path: '/api/cases', body: intakeBody(i) }),
    minimal: {
      statements: [
        'BEGIN',
        `WITH c AS (INSERT INTO cases (code, "ownerInstitutionId", "createdById", source, scope, "identifiedOn", version)
           VALUES ('RT-2026-' || lpad(nextval('case_code_seq')::text, 6, '0'), $1, $2, 'police_operation', 'internal', '2026-11-20', 1) RETURNING id)
         INSERT INTO victims ("caseId", "givenNames", "familyNames", sex) SELECT id, 'Prueba', 'Ficticia', 'female' FROM c`,
        'ROLLBACK',
      ],
      params: (c) => [c.actors.investigator.institutionId, c.actors.investigator.userId],
    },
  },
  {
    name: 'note',
    label: 'note on a case',
    actor: 'investigator',
    write: true,
    request: (c, i) => ({ method: 'POST', path: `/api/cases/${c.codes[i % c.codes.length]}/notes`, body: { body: `Llamada de seguimiento ${i}: sin novedad.` } }),
    minimal: {
      statements: [
        'BEGIN',
        `INSERT INTO case_notes ("caseId", "authorId", "authorInstitutionId", body) SELECT id, $2, $3, 'Llamada de seguimiento' FROM cases WHERE code = $1`,
        'ROLLBACK',
      ],
      params: (c, i) => [c.codes[i % c.codes.length], c.actors.investigator.userId, c.actors.investigator.institutionId],
    },
  },
  ...AREAS.flatMap((area) => area.scenarios),
];
