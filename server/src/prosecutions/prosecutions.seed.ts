import { EntityManager } from 'typeorm';
import type { DemoSeed, RutaConfig } from '@ruta/platform';
import { DEFENDANT_TRANSITIONS, DefendantStage, HearingType } from '@ruta/shared';

/** The ordinary path from the crime report to a stage (shortest, through the legal moves only). */
export function pathToStage(target: DefendantStage): DefendantStage[] {
  const queue: DefendantStage[][] = [['noticia_criminal']];
  while (queue.length) {
    const path = queue.shift()!;
    const last = path[path.length - 1];
    if (last === target) return path;
    for (const next of DEFENDANT_TRANSITIONS[last]) if (!path.includes(next)) queue.push([...path, next]);
  }
  throw new Error(`No legal path to ${target}`);
}

/** The hearing at which a defendant enters each stage (the demo seed's and the bench loader's). */
export const HEARING_OF: Partial<Record<DefendantStage, HearingType>> = {
  imputacion: 'imputacion',
  acusacion: 'acusacion',
  audiencia_preparatoria: 'preparatoria',
  juicio_oral: 'juicio_oral',
  sentido_fallo: 'lectura_fallo',
  sentencia_condenatoria: 'lectura_fallo',
  sentencia_absolutoria: 'lectura_fallo',
  incidente_reparacion: 'reparacion',
};

/** One demo proceeding per stage (and a preacuerdo), each defendant walked along legal moves with dates. */
const DEMO: { stage: DefendantStage; year: number; preacuerdo?: boolean; second?: DefendantStage }[] = [
  { stage: 'noticia_criminal', year: 2025 },
  { stage: 'indagacion', year: 2025 },
  { stage: 'archivo', year: 2024 },
  { stage: 'imputacion', year: 2025, second: 'indagacion' },
  { stage: 'investigacion', year: 2024 },
  { stage: 'acusacion', year: 2024 },
  { stage: 'audiencia_preparatoria', year: 2023 },
  { stage: 'juicio_oral', year: 2023 },
  { stage: 'sentido_fallo', year: 2023 },
  { stage: 'sentencia_condenatoria', year: 2022, second: 'sentencia_absolutoria' },
  { stage: 'sentencia_condenatoria', year: 2024, preacuerdo: true },
  { stage: 'incidente_reparacion', year: 2022 },
  { stage: 'ejecutoriada', year: 2022 },
  { stage: 'preclusion', year: 2023 },
  { stage: 'principio_oportunidad', year: 2024 },
];

const NAMES = ['Alias El Ficticio', 'Marta Ficticia Demo', 'Julio Ficticio Demo', 'Red Ficticia Demo', 'Ana Ficticia Demo', 'Luis Ficticio Demo'];
const DAY = 86_400_000;

type Q = EntityManager['query'];

async function insertDefendant(query: Q, p: { id: string; institutionId: string; reportedOn: Date; userId: string; ordinal: number }, name: string, path: DefendantStage[], preacuerdo: boolean): Promise<void> {
  const [{ id: traffickerId }] = await query(
    `INSERT INTO alleged_traffickers ("institutionId", "createdById", kind, name, aliases, nationality, sex, roles) VALUES ($1, $2, 'person', $3, $4, $5, $6, $7) RETURNING id`,
    [p.institutionId, p.userId, name, JSON.stringify(['El Demo']), p.ordinal % 3 === 0 ? 'VE' : 'CO', p.ordinal % 2 ? 'male' : 'female', ['recruiter']],
  );
  const on = (i: number) => new Date(p.reportedOn.getTime() + i * 40 * DAY);
  const last = path[path.length - 1];
  const convicted = last === 'sentencia_condenatoria' || path.includes('sentencia_condenatoria');
  const [{ id }] = await query(
    `INSERT INTO defendants ("proceedingId", "institutionId", "traffickerId", ordinal, sex, nationality, stage, "stageSince", detention, "prisonMonths", "fineSmlmv")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [p.id, p.institutionId, traffickerId, p.ordinal, p.ordinal % 2 ? 'male' : 'female', p.ordinal % 3 === 0 ? 'VE' : 'CO', last, on(path.length - 1), path.includes('imputacion'), convicted ? 156 + p.ordinal * 12 : null, convicted ? 800 : null],
  );
  for (const [i, stage] of path.entries()) {
    let hearingId: string | null = null;
    const type = HEARING_OF[stage];
    if (type) {
      [{ id: hearingId }] = await query(
        `INSERT INTO hearings ("proceedingId", "institutionId", "defendantId", at, type, court, outcome, "createdById") VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [p.id, p.institutionId, id, new Date(on(i).getTime() + 15 * 3_600_000), type, 'Juzgado Penal del Circuito de Bogotá (demostración)', 'Audiencia realizada', p.userId],
      );
    }
    await query(
      `INSERT INTO defendant_stage_events ("defendantId", "proceedingId", "institutionId", "fromStage", "toStage", "on", shortcut, "hearingId", detention, "byUserId", at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [id, p.id, p.institutionId, i ? path[i - 1] : null, stage, on(i), preacuerdo && stage === 'sentencia_condenatoria' ? 'preacuerdo' : null, hearingId, stage === 'imputacion', p.userId, new Date(on(i).getTime() + i * 1000)],
    );
  }
}

/**
 * The demo file, written by SQL in clear (the aliases as their JSON list): the start-up step that follows the seeds
 * (traffickerIdentitySeed) encrypts the alleged traffickers' identity and computes its blind indexes, as for victims.
 */
async function seedDemoProsecutions(manager: EntityManager): Promise<string[]> {
  const query: Q = manager.query.bind(manager);
  const [{ n }] = await query(`SELECT count(*)::int AS n FROM proceedings`);
  if (n > 0) return [];
  const users = new Map<string, { id: string; institutionId: string }>(
    (await query(`SELECT email, id, "institutionId" FROM users WHERE email IN ('prosecutor@fiscalia.demo', 'investigator@policia.demo', 'investigator@das.demo')`)).map(
      (r: { email: string; id: string; institutionId: string }) => [r.email, { id: r.id, institutionId: r.institutionId }],
    ),
  );
  const prosecutor = users.get('prosecutor@fiscalia.demo');
  const police = users.get('investigator@policia.demo');
  if (!prosecutor || !police) return [];
  const casesOf = async (email: string, limit: number): Promise<string[]> =>
    (await query(`SELECT c.id FROM cases c JOIN users u ON u.id = c."createdById" WHERE u.email = $1 ORDER BY c.code DESC LIMIT $2`, [email, limit])).map((r: { id: string }) => r.id);
  const fiscaliaCases = await casesOf('prosecutor@fiscalia.demo', DEMO.length);
  const policeCases = await casesOf('investigator@policia.demo', 6);

  // Police operations, each with the victims it identified and the persons arrested.
  const operations = [
    { name: 'Operación Ficticia Aurora', type: 'raid', municipality: '11001', cases: policeCases.slice(0, 3), arrested: 2 },
    { name: 'Operación Ficticia Frontera', type: 'border_control', municipality: '54001', cases: policeCases.slice(3, 5), arrested: 1 },
    { name: 'Operación Ficticia Red', type: 'online', municipality: '05001', cases: policeCases.slice(5, 6), arrested: 0 },
  ];
  for (const [i, op] of operations.entries()) {
    const [{ id }] = await query(
      `INSERT INTO operations ("institutionId", "createdById", name, "occurredOn", "municipalityCode", type, arrests, description) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [police.institutionId, police.id, op.name, `2025-0${i + 3}-1${i}`, op.municipality, op.type, op.arrested, 'Operación de demostración (datos ficticios)'],
    );
    if (op.cases.length) await query(`INSERT INTO operation_cases ("operationId", "caseId") SELECT $1, unnest($2::uuid[])`, [id, op.cases]);
    for (let a = 0; a < op.arrested; a++) {
      const [{ id: traffickerId }] = await query(
        `INSERT INTO alleged_traffickers ("institutionId", "createdById", kind, name, aliases, nationality, sex, roles, "relationToVictim") VALUES ($1, $2, 'person', $3, NULL, 'CO', 'male', $4, $5) RETURNING id`,
        [police.institutionId, police.id, `${NAMES[(i + a) % NAMES.length]} ${i + 1}${a}`, ['exploiter'], 'Conocido del barrio (ficticio)'],
      );
      await query(`INSERT INTO operation_traffickers ("operationId", "traffickerId", arrested) VALUES ($1, $2, true)`, [id, traffickerId]);
      if (op.cases.length) await query(`INSERT INTO trafficker_cases ("traffickerId", "caseId") SELECT $1, unnest($2::uuid[])`, [traffickerId, op.cases]);
    }
  }

  for (const [i, demo] of DEMO.entries()) {
    const reportedOn = new Date(Date.UTC(demo.year, 0, 10 + i));
    const nunc = `11001600005${'0'}${demo.year}${String(90000 + i).padStart(5, '0')}`;
    const [{ id }] = await query(
      `INSERT INTO proceedings ("institutionId", "createdById", nunc, "reportedOn", "municipalityCode", "prosecutorUnit", "prosecutorName", offences)
       VALUES ($1, $2, $3, $4, '11001', 'Unidad Nacional contra la Trata de Personas', 'Fiscal Ficticio Demo', $5) RETURNING id`,
      [prosecutor.institutionId, prosecutor.id, nunc, reportedOn, i % 4 === 0 ? ['art_188a', 'art_188b'] : ['art_188a']],
    );
    if (fiscaliaCases[i]) await query(`INSERT INTO proceeding_victims ("proceedingId", "caseId", role) VALUES ($1, $2, $3)`, [id, fiscaliaCases[i], i % 2 ? 'victim_witness' : 'victim']);
    const p = { id, institutionId: prosecutor.institutionId, reportedOn, userId: prosecutor.id };
    const path = demo.preacuerdo ? [...pathToStage('imputacion'), 'sentencia_condenatoria' as DefendantStage] : pathToStage(demo.stage);
    await insertDefendant(query, { ...p, ordinal: 1 }, `${NAMES[i % NAMES.length]} ${i + 1}`, path, !!demo.preacuerdo);
    if (demo.second) await insertDefendant(query, { ...p, ordinal: 2 }, `${NAMES[(i + 1) % NAMES.length]} ${i + 1}b`, pathToStage(demo.second), false);
  }
  return [`Demo mode: seeded ${operations.length} operations and ${DEMO.length} proceedings (every Law 906 stage, a preacuerdo)`];
}

export const prosecutionsSeed: DemoSeed = {
  area: 'prosecutions',
  run: (manager: EntityManager, config: RutaConfig) => (config.demo ? seedDemoProsecutions(manager) : Promise.resolve([])),
};
