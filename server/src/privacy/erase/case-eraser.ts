import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DataCategory, DATA_CATEGORY, KeptCategoryView, PROCEEDING_CLOSED_STAGES, RELATIVE_PSEUDONYM, victimPseudonym } from '@ruta/shared';
import { DbColumn, eraseAssignments, FULLY_LISTED_TABLES, unknownColumns } from './erasure-columns';

export interface ErasureOutcome {
  erased: DataCategory[];
  kept: KeptCategoryView[];
}

/** What an open criminal proceeding needs kept: who the victim is, and the documents (evidence). */
const NEEDED_BY_PROCEEDING: readonly DataCategory[] = ['victim_identity', 'documents'];

/**
 * Erases or pseudonymises one case's personal data, in the caller's transaction (the system role: the service has
 * checked permission, scope and approvals before). Statistics stay: the case row, its status history, purposes,
 * sex, nationality, age band, places, and every row the counts read; only identity, contacts, free texts, document
 * contents, relatives' names and the linked hotline callers' numbers go. An open criminal proceeding about the case
 * keeps what it needs (`NEEDED_BY_PROCEEDING`), and the outcome says so. Set-based: one statement per table.
 */
@Injectable()
export class CaseEraser {
  private readonly tableColumns = new Map<string, DbColumn[]>();

  async openProceeding(manager: EntityManager, caseId: string): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM proceeding_victims pv
          WHERE pv."caseId" = $1
            AND (NOT EXISTS (SELECT 1 FROM defendants d WHERE d."proceedingId" = pv."proceedingId")
                 OR EXISTS (SELECT 1 FROM defendants d WHERE d."proceedingId" = pv."proceedingId" AND d.stage <> ALL ($2::text[])))
       ) AS open`,
      [caseId, PROCEEDING_CLOSED_STAGES],
    );
    return row.open === true;
  }

  async eraseCase(manager: EntityManager, caseId: string): Promise<ErasureOutcome> {
    const columns = await this.columnsOf(manager);
    const open = await this.openProceeding(manager, caseId);
    const kept: KeptCategoryView[] = open ? NEEDED_BY_PROCEEDING.map((category) => ({ category, ground: 'open_proceeding' })) : [];
    const erase = new Set<DataCategory>(DATA_CATEGORY.values.filter((c) => !kept.some((k) => k.category === c)));

    const [{ serial }] = await manager.query(`SELECT nextval('privacy_pseudonym_seq')::int AS serial`);
    const victimSet = eraseAssignments('victims', erase, columns.victims, { pseudonym: '$2' });
    if (victimSet.length) {
      const usesPseudonym = victimSet.some((s) => s.includes('$2'));
      await manager.query(`UPDATE victims SET ${victimSet.join(', ')} WHERE "caseId" = $1`, usesPseudonym ? [caseId, victimPseudonym(serial)] : [caseId]);
    }
    if (erase.has('victim_contacts')) await manager.query(`DELETE FROM victim_locations WHERE "caseId" = $1`, [caseId]);
    if (erase.has('notes')) {
      await manager.query(`UPDATE case_notes SET ${eraseAssignments('case_notes', erase, columns.case_notes).join(', ')} WHERE "caseId" = $1`, [caseId]);
      await manager.query(`UPDATE assistance_services SET notes = NULL WHERE "caseId" = $1 AND notes IS NOT NULL`, [caseId]);
      await manager.query(`UPDATE assistance_follow_ups SET notes = NULL WHERE "caseId" = $1 AND notes IS NOT NULL`, [caseId]);
      await manager.query(`UPDATE risk_assessments SET measures = NULL WHERE "caseId" = $1 AND measures IS NOT NULL`, [caseId]);
      await manager.query(
        `UPDATE referral_events SET reason = NULL WHERE "referralId" IN (SELECT id FROM referrals WHERE "caseId" = $1) AND reason IS NOT NULL`,
        [caseId],
      );
      await manager.query(`UPDATE assistance_closure_requests SET note = NULL, comment = NULL WHERE "caseId" = $1 AND (note IS NOT NULL OR comment IS NOT NULL)`, [caseId]);
      // A referral sent on a legal ground keeps that a justification existed (a check requires one), not its text.
      await manager.query(
        `UPDATE referrals SET message = NULL, outcome = NULL, "declineReason" = NULL, "cancelReason" = NULL,
                "overrideJustification" = CASE WHEN "overrideJustification" IS NULL THEN NULL ELSE '—' END
          WHERE "caseId" = $1`,
        [caseId],
      );
    }
    if (erase.has('documents')) {
      await manager.query(`UPDATE case_documents SET ${eraseAssignments('case_documents', erase, columns.case_documents).join(', ')} WHERE "caseId" = $1`, [caseId]);
    }
    if (erase.has('relatives')) {
      await manager.query(
        `UPDATE assistance_participants p SET "fullName" = $2 || ' ' || o.n
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM assistance_participants WHERE "caseId" = $1) o
          WHERE p.id = o.id`,
        [caseId, RELATIVE_PSEUDONYM],
      );
    }
    if (erase.has('hotline_callers')) await this.eraseContacts(manager, columns.hotline_contacts, `"caseId" = $1`, [caseId]);
    return { erased: DATA_CATEGORY.values.filter((c) => erase.has(c)), kept };
  }

  /** A hotline contact's caller: the encrypted number, its blind index and the account of the call. */
  async eraseContact(manager: EntityManager, contactId: string): Promise<ErasureOutcome> {
    const columns = await this.columnsOf(manager);
    await this.eraseContacts(manager, columns.hotline_contacts, `id = $1`, [contactId]);
    return { erased: ['hotline_callers'], kept: [] };
  }

  private async eraseContacts(manager: EntityManager, columns: DbColumn[], where: string, params: unknown[]): Promise<void> {
    const set = eraseAssignments('hotline_contacts', new Set<DataCategory>(['hotline_callers']), columns);
    await manager.query(`UPDATE hotline_contacts SET ${set.join(', ')} WHERE ${where}`, params);
  }

  /**
   * The columns of the tables the erasure rewrites, from the database (read once). Fails closed when a fully listed
   * table gained a column the erasure does not classify: it would stay in clear.
   */
  private async columnsOf(manager: EntityManager): Promise<Record<(typeof FULLY_LISTED_TABLES)[number] | 'hotline_contacts', DbColumn[]>> {
    const tables = [...FULLY_LISTED_TABLES, 'hotline_contacts'] as const;
    if (!this.tableColumns.size) {
      const rows: { table: string; name: string; dataType: string; nullable: string }[] = await manager.query(
        `SELECT table_name AS table, column_name AS name, data_type AS "dataType", is_nullable AS nullable
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY ($1::text[]) ORDER BY table_name, ordinal_position`,
        [tables],
      );
      for (const table of tables) {
        this.tableColumns.set(table, rows.filter((r) => r.table === table).map((r) => ({ name: r.name, dataType: r.dataType, nullable: r.nullable === 'YES' })));
      }
    }
    for (const table of FULLY_LISTED_TABLES) {
      const unknown = unknownColumns(table, this.tableColumns.get(table)!.map((c) => c.name));
      if (unknown.length) throw new Error(`Erasure refused: ${table} has columns the erasure does not classify (${unknown.join(', ')})`);
    }
    return Object.fromEntries(tables.map((t) => [t, this.tableColumns.get(t)!])) as Record<(typeof tables)[number], DbColumn[]>;
  }
}
