import { Injectable } from '@nestjs/common';
import { AnonymousStatisticsRow, IndicatorQuery } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';

export interface KAnonymousResult {
  eligible: number;
  generalised: number;
  suppressed: number;
  rows: AnonymousStatisticsRow[];
}

/**
 * The CTDC / HTCDS rows of the period with k-anonymity over the quasi-identifiers (year, gender, age band,
 * citizenship, country of exploitation), in one statement:
 * 1. the consenting victims (an unrevoked `anonymous_statistics` consent), not ruled out, in the caller's scope;
 * 2. each row's group size on the exact quasi-identifiers; a row in a group smaller than k is generalised: age band
 *    to `0-17` / `18+`, citizenship and country of exploitation to `CO` / `other`;
 * 3. group sizes again on the final values; a row still in a group smaller than k is suppressed (left out).
 * A removed row takes its whole final group with it, so every group that remains has at least k rows.
 */
@Injectable()
export class AnonymousStatisticsRepository extends RepositoryBase {
  sql(): string {
    return `WITH base AS (
        SELECT extract(year FROM c."identifiedOn")::int AS year, coalesce(f.sex, 'unknown') AS gender, coalesce(c."ageBand", 'unknown') AS band,
          CASE WHEN c."minorAtIdentification" THEN 'minor' WHEN NOT c."minorAtIdentification" THEN 'adult' ELSE 'unknown' END AS majority,
          coalesce(f.nationality, 'unknown') AS citizenship, coalesce(f."exploitationCountry", 'unknown') AS country,
          c."meansOfControl" AS means, c.purposes, c."labourSector" AS sector, c."recruiterRelation" AS relation
        FROM cases c JOIN indicator_victim_facts f ON f."caseId" = c.id
        WHERE c."identifiedOn" >= CAST($1 AS date) AND c."identifiedOn" <= CAST($2 AS date)
          AND c."traffickingStatus" <> 'ruled_out' AND f."statisticsConsent"
          AND ($3::uuid IS NULL OR c."ownerInstitutionId" = $3::uuid)
          AND ($4::varchar IS NULL OR c."departmentCode" = $4::varchar)
      ), exact AS (
        SELECT b.*, count(*) OVER (PARTITION BY year, gender, band, citizenship, country) AS n0 FROM base b
      ), coarse AS (
        SELECT e.*, e.n0 < $5 AS generalised,
          CASE WHEN e.n0 >= $5 THEN band WHEN majority = 'minor' THEN '0-17' WHEN majority = 'adult' THEN '18+' ELSE 'unknown' END AS band1,
          CASE WHEN e.n0 >= $5 OR citizenship IN ('CO', 'unknown') THEN citizenship ELSE 'other' END AS citizenship1,
          CASE WHEN e.n0 >= $5 OR country IN ('CO', 'unknown') THEN country ELSE 'other' END AS country1
        FROM exact e
      ), final AS (
        SELECT c.*, count(*) OVER (PARTITION BY year, gender, band1, citizenship1, country1) AS n1 FROM coarse c
      )
      SELECT year, gender, band1 AS band, majority, citizenship1 AS citizenship, country1 AS country, means, purposes, sector, relation,
        generalised, n1 < $5 AS suppressed
      FROM final ORDER BY year, gender, band1, citizenship1, country1`;
  }

  async run(query: IndicatorQuery, k: number): Promise<KAnonymousResult> {
    type Raw = { year: number; gender: string; band: string; majority: AnonymousStatisticsRow['majorityStatus']; citizenship: string; country: string; means: string[]; purposes: string[]; sector: string | null; relation: string | null; generalised: boolean; suppressed: boolean };
    const raw: Raw[] = await this.manager.query(this.sql(), [query.from, query.to, query.institutionId ?? null, query.departmentCode ?? null, k]);
    const kept = raw.filter((r) => !r.suppressed);
    return {
      eligible: raw.length,
      generalised: kept.filter((r) => r.generalised).length,
      suppressed: raw.length - kept.length,
      rows: kept.map((r) => ({
        yearOfRegistration: r.year,
        dataSource: 'case_management',
        gender: r.gender,
        ageBand: r.band,
        majorityStatus: r.majority,
        citizenship: r.citizenship,
        countryOfExploitation: r.country,
        meansOfControl: r.means,
        typeOfExploitation: r.purposes,
        labourSector: r.sector,
        recruiterRelation: r.relation,
      })),
    };
  }
}
