import { IndicatorDimension, IndicatorKey } from '@ruta/shared';

/**
 * One indicator, defined once: a single set-based statement that PostgreSQL aggregates. Its parameters are always
 * `$1` first day, `$2` last day (both included, dates), `$3` institution id or NULL, `$4` department code or NULL;
 * it returns rows `(bucket text, value numeric)`: one row with bucket `total` for a plain figure, one row per bucket
 * (plus the `total` row) for a broken-down one. It runs as the requesting user, so row-level security scopes it.
 */
export interface IndicatorDefinition {
  key: IndicatorKey;
  dimension: IndicatorDimension | null;
  sql: string;
}

/**
 * Areas contribute indicators as providers (multi-provider token): cases and referrals now, assistance, prosecutions
 * and hotline when their tables exist. The registry gathers them and refuses a key defined twice.
 */
export const INDICATOR_PROVIDERS = Symbol('INDICATOR_PROVIDERS');

export interface IndicatorProvider {
  readonly definitions: readonly IndicatorDefinition[];
}
