import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { activeFieldCipher, RepositoryBase } from '@ruta/platform';
import { HotlineImportEntity } from './hotline-import.entity';

/** One chunk of validated rows, the caller's number already encrypted with its blind index, as the set-based insert takes them. */
export interface ContactInsertRow {
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
  phoneHash: string | null;
}

/** Imports of historical call logs: the request's side (as the user) and the job's (given the system's manager). */
@Injectable()
export class HotlineImportsRepository extends RepositoryBase {
  async insert(values: Pick<HotlineImportEntity, 'createdById' | 'fileName' | 'mapping' | 'contentSealed'>): Promise<string> {
    return this.insertRow(HotlineImportEntity, { ...values, status: 'pending' });
  }

  async findById(id: string): Promise<HotlineImportEntity | null> {
    return this.manager.getRepository(HotlineImportEntity).findOne({
      where: { id },
      // Never the sealed file.
      select: { id: true, createdById: true, fileName: true, status: true, totalRows: true, processedRows: true, importedRows: true, rejected: true, error: true, createdAt: true, finishedAt: true },
    });
  }

  /** The oldest waiting import, claimed (running) so that no other instance takes it. */
  static async claimNext(manager: EntityManager): Promise<HotlineImportEntity | null> {
    const [rows]: [HotlineImportEntity[], number] = await manager.query(
      `UPDATE hotline_imports SET status = 'running' WHERE id = (
         SELECT id FROM hotline_imports WHERE status = 'pending' ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
    );
    return rows[0] ?? null;
  }

  static async progress(manager: EntityManager, id: string, values: { totalRows?: number; processedRows: number }): Promise<void> {
    await manager.query(`UPDATE hotline_imports SET "totalRows" = COALESCE($2, "totalRows"), "processedRows" = $3 WHERE id = $1`, [id, values.totalRows ?? null, values.processedRows]);
  }

  static async finish(manager: EntityManager, id: string, values: { status: 'done' | 'failed'; importedRows: number; rejected: unknown[]; error?: string }): Promise<void> {
    await manager.query(
      `UPDATE hotline_imports SET status = $2::varchar, "importedRows" = $3, rejected = $4::jsonb, error = $5, "contentSealed" = NULL, "finishedAt" = now(),
              "processedRows" = CASE WHEN $2::varchar = 'done' THEN "totalRows" ELSE "processedRows" END
        WHERE id = $1`,
      [id, values.status, values.importedRows, JSON.stringify(values.rejected), values.error ?? null],
    );
  }

  /**
   * One set-based insert of a chunk (jsonb_to_recordset), codes from the contacts' sequence. The summary is encrypted
   * here, as the entity's transformer would (`hotline_contacts.summary` is in ENCRYPTED_FIELDS).
   */
  static async insertContacts(manager: EntityManager, importId: string, operatorId: string, rows: ContactInsertRow[]): Promise<void> {
    const cipher = activeFieldCipher();
    const stored = rows.map((r) => ({ ...r, summary: r.summary === null ? null : cipher.encryptText('hotline_contacts', 'summary', r.summary) }));
    await manager.query(
      `INSERT INTO hotline_contacts (code, channel, "startedAt", "durationSeconds", "operatorId", "callerType", "callType", "departmentCode",
              "municipalityCode", "countryCode", purposes, acts, means, urgency, "childInvolved", summary, "consentToAuthorities",
              "phone", "phoneHash", status, "importId", version)
       SELECT 'LN-' || to_char(r."startedAt" AT TIME ZONE 'America/Bogota', 'YYYY') || '-' || lpad(nextval('hotline_contact_number_seq')::text, 6, '0'),
              r.channel, r."startedAt", r."durationSeconds", $2, r."callerType", r."callType", r."departmentCode", r."municipalityCode",
              r."countryCode", COALESCE(r.purposes, '{}'), '{}', '{}', r.urgency, false, r.summary, r."consentToAuthorities",
              r.phone, r."phoneHash", 'closed', $1, 1
         FROM jsonb_to_recordset($3::jsonb) AS r("startedAt" timestamptz, "durationSeconds" integer, channel text, "callerType" text,
              "callType" text, "departmentCode" text, "municipalityCode" text, "countryCode" text, purposes text[], urgency text,
              summary text, "consentToAuthorities" boolean, phone text, "phoneHash" text)`,
      [importId, operatorId, JSON.stringify(stored)],
    );
  }

  static async placeIndex(manager: EntityManager): Promise<{ code: string; kind: string; departmentCode: string | null }[]> {
    return manager.query(`SELECT code, kind, "departmentCode" FROM places`);
  }
}
