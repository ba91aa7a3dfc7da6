import { Injectable } from '@nestjs/common';
import { IndicatorQuery } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import { IndicatorDefinition } from './definitions/indicator-definition';

export interface IndicatorRow {
  bucket: string;
  value: number | null;
}

/** Runs indicator definitions in the request transaction (row-level security scopes every one). */
@Injectable()
export class IndicatorsRepository extends RepositoryBase {
  async run(definition: IndicatorDefinition, query: IndicatorQuery): Promise<IndicatorRow[]> {
    const rows: { bucket: string; value: string | number | null }[] = await this.manager.query(definition.sql, this.params(query));
    return rows.map((r) => ({ bucket: r.bucket, value: r.value === null ? null : Number(r.value) }));
  }

  params(query: IndicatorQuery): unknown[] {
    return [query.from, query.to, query.institutionId ?? null, query.departmentCode ?? null];
  }

  /** The plan of a definition, as the caller would run it (the performance test reads it). */
  async explain(definition: IndicatorDefinition, query: IndicatorQuery): Promise<string> {
    const rows: { 'QUERY PLAN': string }[] = await this.manager.query(`EXPLAIN ${definition.sql}`, this.params(query));
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }
}
