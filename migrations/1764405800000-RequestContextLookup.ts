import { MigrationInterface, QueryRunner } from 'typeorm';

/** The body of ruta_begin_request; `lookup` is how the session row is found by its token's hash. */
function beginRequest(lookup: string, write: 'upsert' | 'replace'): string {
  const select = `SELECT pg_backend_pid(), pg_current_xact_id(), u.id, u."institutionId", r.code,
               CASE WHEN done THEN r.scope ELSE 'none' END, CASE WHEN done THEN r.permissions ELSE '{}'::text[] END
        FROM sessions s
        JOIN users u ON u.id = s."userId"
        JOIN roles r ON r.id = u."roleId"
        CROSS JOIN LATERAL (SELECT (s."mfaVerified" OR NOT (u."mfaEnabled" OR r."requiresMfa")) AND NOT u."mustChangePassword" AS done) stage
        WHERE ${lookup}
          AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND s."lastSeenAt" > now() - interval '30 minutes'
          AND u.active`;
  const columns = `(pid, xid, "userId", "institutionId", "roleCode", scope, permissions)`;
  const body =
    write === 'upsert'
      ? `INSERT INTO ruta_request_contexts ${columns}
        ${select}
        ON CONFLICT (pid) DO UPDATE SET xid = EXCLUDED.xid, "userId" = EXCLUDED."userId", "institutionId" = EXCLUDED."institutionId",
          "roleCode" = EXCLUDED."roleCode", scope = EXCLUDED.scope, permissions = EXCLUDED.permissions;
        RETURN FOUND;`
      : `DELETE FROM ruta_request_contexts WHERE pid = pg_backend_pid();
        INSERT INTO ruta_request_contexts ${columns}
        ${select};
        RETURN FOUND;`;
  return `CREATE OR REPLACE FUNCTION ruta_begin_request(token text) RETURNS boolean
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        ${body}
      END $$`;
}

/**
 * Issue 15: the request's session look-up by the unique index, and one write per request.
 *
 * `sessions."tokenHash"` is `character(64)`; comparing it with the text of `encode(...)` made PostgreSQL compare as
 * text, which the unique index (on bpchar) cannot answer: every request read the whole sessions table, a cost that
 * grows with every login kept. The hash is now cast to the column's type, so the look-up is one probe of
 * UQ_sessions_tokenHash. The context row is written with one upsert of the backend's row instead of a DELETE and an
 * INSERT (a row left by an earlier transaction carries that transaction's id, which the `ruta_ctx_*()` functions
 * ignore, so a request whose session is not live still sees nothing).
 */
export class RequestContextLookup1764405800000 implements MigrationInterface {
  name = 'RequestContextLookup1764405800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(beginRequest(`s."tokenHash" = encode(sha256(convert_to(token, 'UTF8')), 'hex')::character(64)`, 'upsert'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(beginRequest(`s."tokenHash" = encode(sha256(convert_to(token, 'UTF8')), 'hex')`, 'replace'));
  }
}
