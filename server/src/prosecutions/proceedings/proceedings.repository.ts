import { Injectable } from '@nestjs/common';
import { AppealView, CaseProceedingSummary, DefendantStage, HearingView, ListTotal, ProceedingListItem, ProceedingVictimView, StageEventView } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import { openNames } from '../traffickers/trafficker-identity';

export interface ProceedingRow {
  id: string;
  nunc: string;
  reportedOn: string;
  municipalityCode: string;
  institution: { id: string; code: string; name: string };
  prosecutorUnit: string;
  prosecutorName: string;
  offences: ProceedingListItem['offences'];
  otherOffence: string | null;
  operationId: string | null;
  version: number;
}

export interface DefendantRow {
  id: string;
  proceedingId: string;
  ordinal: number;
  traffickerId: string;
  traffickerName: string | null;
  sex: string;
  nationality: string | null;
  stage: DefendantStage;
  stageSince: string;
  detention: boolean;
  prisonMonths: number | null;
  fineSmlmv: string | null;
  accessoryPenalties: string | null;
  reparationOrdered: string | null;
  version: number;
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A proceeding's stage history, every defendant's, in order: IDX_defendant_stage_events_proceeding (the plan test). */
export const PROCEEDING_HISTORY_SQL = `SELECT e."defendantId", e."fromStage" AS "from", e."toStage" AS "to", ${day('e."on"')} AS "on", e.shortcut, e."hearingId", e.detention
  FROM defendant_stage_events e WHERE e."proceedingId" = $1 ORDER BY e.at, e.id`;

/** Proceedings, their victims, defendants (stage and history), hearings and appeals; raw SQL under row-level security. */
@Injectable()
export class ProceedingsRepository extends RepositoryBase {
  async insert(p: { institutionId: string; createdById: string; nunc: string; reportedOn: string; municipalityCode: string; prosecutorUnit: string; prosecutorName: string; offences: string[]; otherOffence: string | null; operationId: string | null }): Promise<string> {
    const [row] = await this.manager.query(
      `INSERT INTO proceedings ("institutionId", "createdById", nunc, "reportedOn", "municipalityCode", "prosecutorUnit", "prosecutorName", offences, "otherOffence", "operationId")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [p.institutionId, p.createdById, p.nunc, p.reportedOn, p.municipalityCode, p.prosecutorUnit, p.prosecutorName, p.offences, p.otherOffence, p.operationId],
    );
    return row.id;
  }

  async nuncTaken(nunc: string): Promise<boolean> {
    // Past row-level security would be an oracle across institutions; the unique constraint catches the rest.
    return (await this.manager.query(`SELECT 1 FROM proceedings WHERE nunc = $1`, [nunc])).length > 0;
  }

  async municipalityExists(code: string): Promise<boolean> {
    return (await this.manager.query(`SELECT 1 FROM places WHERE code = $1 AND kind = 'municipality'`, [code])).length > 0;
  }

  async addVictims(proceedingId: string, victims: { caseId: string; role: string; protectionMeasures: string[] }[]): Promise<void> {
    for (const v of victims) {
      await this.manager.query(`INSERT INTO proceeding_victims ("proceedingId", "caseId", role, "protectionMeasures") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [proceedingId, v.caseId, v.role, v.protectionMeasures]);
    }
  }

  async find(id: string): Promise<ProceedingRow | null> {
    const [row] = await this.manager.query(
      `SELECT p.id, p.nunc, ${day('p."reportedOn"')} AS "reportedOn", p."municipalityCode", p."prosecutorUnit", p."prosecutorName", p.offences, p."otherOffence", p."operationId", p.version,
        json_build_object('id', i.id, 'code', i.code, 'name', i.name) AS institution
       FROM proceedings p JOIN institutions i ON i.id = p."institutionId" WHERE p.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The victims the reader may see (their case rows pass row-level security). */
  victims(proceedingId: string): Promise<(ProceedingVictimView & { caseId: string })[]> {
    return this.manager.query(
      `SELECT c.code AS "caseCode", c.id AS "caseId", pv.role, pv."protectionMeasures" FROM proceeding_victims pv JOIN cases c ON c.id = pv."caseId" WHERE pv."proceedingId" = $1 ORDER BY c.code`,
      [proceedingId],
    );
  }

  async defendants(proceedingId: string): Promise<DefendantRow[]> {
    const rows: DefendantRow[] = await this.manager.query(
      `SELECT d.id, d."proceedingId", d.ordinal, d."traffickerId", t.name AS "traffickerName", d.sex, d.nationality, d.stage, ${day('d."stageSince"')} AS "stageSince", d.detention,
              d."prisonMonths", d."fineSmlmv", d."accessoryPenalties", d."reparationOrdered", d.version
       FROM defendants d LEFT JOIN alleged_traffickers t ON t.id = d."traffickerId" WHERE d."proceedingId" = $1 ORDER BY d.ordinal`,
      [proceedingId],
    );
    // The name is encrypted (null when row-level security hides the alleged trafficker, as for a coordinator).
    return openNames(rows, 'traffickerName');
  }

  async defendant(proceedingId: string, id: string): Promise<DefendantRow | null> {
    return (await this.defendants(proceedingId)).find((d) => d.id === id) ?? null;
  }

  history(proceedingId: string): Promise<(StageEventView & { defendantId: string })[]> {
    return this.manager.query(PROCEEDING_HISTORY_SQL, [proceedingId]);
  }

  hearings(proceedingId: string): Promise<HearingView[]> {
    return this.manager.query(
      `SELECT h.id, h."defendantId", ${iso('h.at')} AS at, h.type, h.court, h.outcome, CASE WHEN h."nextAt" IS NULL THEN NULL ELSE ${iso('h."nextAt"')} END AS "nextAt"
       FROM hearings h WHERE h."proceedingId" = $1 ORDER BY h.at, h.id`,
      [proceedingId],
    );
  }

  appeals(proceedingId: string): Promise<AppealView[]> {
    return this.manager.query(
      `SELECT a.id, a."defendantId", ${day('a."filedOn"')} AS "filedOn", a.appellant, a.decision, CASE WHEN a."decidedOn" IS NULL THEN NULL ELSE ${day('a."decidedOn"')} END AS "decidedOn", a.version
       FROM appeals a WHERE a."proceedingId" = $1 ORDER BY a."filedOn", a.id`,
      [proceedingId],
    );
  }

  async addDefendant(d: { proceedingId: string; institutionId: string; traffickerId: string; sex: string; nationality: string | null; stageSince: string; userId: string }): Promise<string> {
    const [row] = await this.manager.query(
      `INSERT INTO defendants ("proceedingId", "institutionId", "traffickerId", ordinal, sex, nationality, "stageSince")
       SELECT $1, $2, $3, coalesce((SELECT max(ordinal) FROM defendants WHERE "proceedingId" = $1), 0) + 1, $4, $5, $6 RETURNING id`,
      [d.proceedingId, d.institutionId, d.traffickerId, d.sex, d.nationality, d.stageSince],
    );
    await this.insertEvent({ defendantId: row.id, proceedingId: d.proceedingId, institutionId: d.institutionId, from: null, to: 'noticia_criminal', on: d.stageSince, shortcut: null, hearingId: null, detention: false, userId: d.userId });
    return row.id;
  }

  async hasDefendant(proceedingId: string, traffickerId: string): Promise<boolean> {
    return (await this.manager.query(`SELECT 1 FROM defendants WHERE "proceedingId" = $1 AND "traffickerId" = $2`, [proceedingId, traffickerId])).length > 0;
  }

  async traffickerVisible(id: string): Promise<boolean> {
    return (await this.manager.query(`SELECT 1 FROM alleged_traffickers WHERE id = $1`, [id])).length > 0;
  }

  /** The versioned stage move; false when the defendant changed since (or is not visible). */
  async moveDefendant(id: string, version: number, changes: { stage: string; stageSince: string; detention: boolean; prisonMonths?: number; fineSmlmv?: number; accessoryPenalties?: string | null; reparationOrdered?: string | null }): Promise<boolean> {
    const result = await this.manager.query(
      `UPDATE defendants SET stage = $3, "stageSince" = $4, detention = $5,
         "prisonMonths" = coalesce($6, "prisonMonths"), "fineSmlmv" = coalesce($7, "fineSmlmv"),
         "accessoryPenalties" = coalesce($8, "accessoryPenalties"), "reparationOrdered" = coalesce($9, "reparationOrdered"),
         version = version + 1, "updatedAt" = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, changes.stage, changes.stageSince, changes.detention, changes.prisonMonths ?? null, changes.fineSmlmv ?? null, changes.accessoryPenalties ?? null, changes.reparationOrdered ?? null],
    );
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = result as [unknown[], number];
    return affected > 0;
  }

  async insertEvent(e: { defendantId: string; proceedingId: string; institutionId: string; from: string | null; to: string; on: string; shortcut: string | null; hearingId: string | null; detention: boolean; userId: string }): Promise<void> {
    await this.manager.query(
      `INSERT INTO defendant_stage_events ("defendantId", "proceedingId", "institutionId", "fromStage", "toStage", "on", shortcut, "hearingId", detention, "byUserId")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [e.defendantId, e.proceedingId, e.institutionId, e.from, e.to, e.on, e.shortcut, e.hearingId, e.detention, e.userId],
    );
  }

  async hearingOf(proceedingId: string, hearingId: string): Promise<boolean> {
    return (await this.manager.query(`SELECT 1 FROM hearings WHERE id = $1 AND "proceedingId" = $2`, [hearingId, proceedingId])).length > 0;
  }

  async addHearing(h: { proceedingId: string; institutionId: string; defendantId: string | null; at: string; type: string; court: string; outcome: string | null; nextAt: string | null; userId: string }): Promise<string> {
    const [row] = await this.manager.query(
      `INSERT INTO hearings ("proceedingId", "institutionId", "defendantId", at, type, court, outcome, "nextAt", "createdById") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [h.proceedingId, h.institutionId, h.defendantId, h.at, h.type, h.court, h.outcome, h.nextAt, h.userId],
    );
    return row.id;
  }

  async addAppeal(a: { proceedingId: string; institutionId: string; defendantId: string; filedOn: string; appellant: string; decision: string; decidedOn: string | null }): Promise<string> {
    const [row] = await this.manager.query(
      `INSERT INTO appeals ("proceedingId", "institutionId", "defendantId", "filedOn", appellant, decision, "decidedOn") VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [a.proceedingId, a.institutionId, a.defendantId, a.filedOn, a.appellant, a.decision, a.decidedOn],
    );
    return row.id;
  }

  async appeal(proceedingId: string, id: string): Promise<AppealView | null> {
    return (await this.appeals(proceedingId)).find((a) => a.id === id) ?? null;
  }

  /** The versioned edit of an appeal; false when it changed since (or is not visible). */
  async updateAppeal(id: string, version: number, a: Pick<AppealView, 'filedOn' | 'appellant' | 'decision' | 'decidedOn'>): Promise<boolean> {
    const result = await this.manager.query(
      `UPDATE appeals SET "filedOn" = $3, appellant = $4, decision = $5, "decidedOn" = $6, version = version + 1, "updatedAt" = now() WHERE id = $1 AND version = $2`,
      [id, version, a.filedOn, a.appellant, a.decision, a.decidedOn],
    );
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = result as [unknown[], number];
    return affected > 0;
  }

  /** A keyset page, newest report first, with each proceeding's defendants' stages; `caseId` narrows to one case. */
  async page(limit: number, after?: { k: string; id: string }, caseId?: string, order: 'asc' | 'desc' = 'desc'): Promise<{ rows: (ProceedingListItem & { k: string })[]; total: ListTotal }> {
    const ofCase = (n: number) => `($${n}::uuid IS NULL OR EXISTS (SELECT 1 FROM proceeding_victims v WHERE v."proceedingId" = p.id AND v."caseId" = $${n}))`;
    const rows = await this.manager.query(
      `SELECT p.id, p.nunc, ${day('p."reportedOn"')} AS "reportedOn", ${day('p."reportedOn"')} AS k, p."prosecutorUnit", p.offences,
        (SELECT count(*)::int FROM defendants d WHERE d."proceedingId" = p.id) AS defendants,
        (SELECT count(*)::int FROM proceeding_victims v WHERE v."proceedingId" = p.id) AS victims,
        coalesce((SELECT array_agg(d.stage ORDER BY d.ordinal) FROM defendants d WHERE d."proceedingId" = p.id), '{}') AS stages
       FROM proceedings p
       WHERE ($1::date IS NULL OR (p."reportedOn", p.id) ${order === 'asc' ? '>' : '<'} ($1::date, $2::uuid)) AND ${ofCase(4)}
       ORDER BY p."reportedOn" ${order === 'asc' ? 'ASC' : 'DESC'}, p.id ${order === 'asc' ? 'ASC' : 'DESC'} LIMIT $3`,
      [after?.k ?? null, after?.id ?? null, limit + 1, caseId ?? null],
    );
    // Counted in the page's order (newest report first), so the cap is reached along the same index.
    const total = await this.countUpTo(`SELECT 1 FROM proceedings p WHERE ${ofCase(1)} ORDER BY p."reportedOn" DESC, p.id DESC`, [caseId ?? null]);
    return { rows, total };
  }

  /** Operations and alleged traffickers linked to one case (for its tab). */
  async caseLinks(caseId: string): Promise<{ operations: { id: string; name: string; occurredOn: string }[]; traffickers: { id: string; name: string }[] }> {
    const operations = await this.manager.query(
      `SELECT o.id, o.name, ${day('o."occurredOn"')} AS "occurredOn" FROM operation_cases oc JOIN operations o ON o.id = oc."operationId" WHERE oc."caseId" = $1 ORDER BY o."occurredOn" DESC`,
      [caseId],
    );
    const stored: { id: string; name: string }[] = await this.manager.query(
      `SELECT t.id, t.name FROM trafficker_cases tc JOIN alleged_traffickers t ON t.id = tc."traffickerId" WHERE tc."caseId" = $1
       UNION SELECT t.id, t.name FROM proceeding_victims pv JOIN defendants d ON d."proceedingId" = pv."proceedingId" JOIN alleged_traffickers t ON t.id = d."traffickerId" WHERE pv."caseId" = $1`,
      [caseId],
    );
    // The names are encrypted: opened here, and ordered once they are.
    const traffickers = openNames(stored).sort((a, b) => a.name.localeCompare(b.name, 'es') || a.id.localeCompare(b.id));
    return { operations, traffickers };
  }

  /** The stage summary of the proceedings linked to a case, through `ruta_case_proceeding_summary()` (no file). */
  async summary(caseId: string): Promise<CaseProceedingSummary[]> {
    const rows = await this.manager.query(`SELECT * FROM ruta_case_proceeding_summary($1)`, [caseId]);
    return rows.map((r: { reportedYear: number; victimRole: string; stages: string[]; nextAt: Date | null; nextType: string | null; nextCourt: string | null }) => ({
      reportedYear: r.reportedYear,
      victimRole: r.victimRole,
      stages: r.stages,
      nextHearing: r.nextAt ? { at: new Date(r.nextAt).toISOString(), type: r.nextType, court: r.nextCourt } : null,
    }));
  }
}
