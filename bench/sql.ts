import type { Client } from 'pg';

/** A text[] literal of `values` (the loader's fixed vocabularies; never user input). */
export const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;

/** A deterministic pseudo-random pick of `values` for row `row` (default g), salted so that columns do not move together. */
export const pick = (values: readonly string[], salt: number, row = 'g') =>
  `(${sqlArray(values)})[1 + ((${row}::bigint * ${2_654_435_761 + salt * 97})::bigint % ${values.length})]`;

/** A pg client as the platform's Queryable (rows, not the result object). */
export const rowsOf = (db: Client) => ({ query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows });

/**
 * A temporary table `name` (institutionId, ids): per institution, the active users whose role holds `permission`,
 * demo accounts first. Created once per load (IF NOT EXISTS); the areas pick assignees and recipients from it.
 */
export const usersWithPermission = (name: string, permission: string) => `CREATE TEMP TABLE IF NOT EXISTS ${name} AS
       SELECT u."institutionId", array_agg(u.id ORDER BY u.email NOT LIKE '%.demo', u.email) AS ids
       FROM users u JOIN roles ro ON ro.id = u."roleId" WHERE u.active AND '${permission}' = ANY(ro.permissions) GROUP BY u."institutionId"`;
