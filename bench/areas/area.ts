import type { Client } from 'pg';
import type { Scenario, ScenarioContext } from '../scenarios';

/**
 * What an area of Ruta adds to the benchmark: its rows for every loaded case, and its main reads and writes. The core
 * (cases) is in loader.ts and scenarios.ts; each area keeps its part in a file of its own here, registered in index.ts.
 */
export interface BenchArea {
  name: string;
  /**
   * Set-based statements run for each batch of 50,000 cases once every case is loaded, one transaction a batch
   * (loader.ts loadArea: resumable per area, so a database loaded earlier gets the area's rows too; triggers off when
   * the owner is a superuser: compute what a trigger would). Parameters: $1 first and $2 last bench case number
   * (g), $3 the bench users' ids and $4 their institutions (same order), $5 municipality codes, $6 their departments.
   * Case g has id `md5('bench-case-' || g)::uuid`; key the area's rows on g too (e.g. `md5('bench-referral-' || g)`)
   * if a statement's rows should be stable.
   */
  batchStatements(options: { cases: number }): string[];
  /** After every batch, before the audit events are sealed: small tables, encryption of the area's fields. Idempotent. */
  afterLoad?(db: Client, log: (line: string) => void, secretKey: Buffer): Promise<void>;
  /** Looks up, as the owner, what the area's scenarios need (ids of rows the actors may open); kept in context.areas[name]. */
  prepare?(db: Client, context: ScenarioContext): Promise<unknown>;
  scenarios: Scenario[];
}
