import { IndicatorDefinition, IndicatorProvider } from './indicator-definition';

/**
 * The referrals of the period: created in it (IDX_referrals_created) and sent (drafts never count), received by the
 * institution when that filter is set, about a case of the department when that one is. Each figure counts the
 * period's referrals by what has happened to them since.
 */
const SENT_REFERRALS = `SELECT r.* FROM referrals r
  WHERE r."createdAt" >= CAST($1 AS date) AND r."createdAt" < CAST($2 AS date) + 1
    AND r."sentAt" IS NOT NULL
    AND ($3::uuid IS NULL OR r."toInstitutionId" = $3::uuid)
    AND ($4::varchar IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = r."caseId" AND c."departmentCode" = $4::varchar))`;

function count(filter: string): string {
  return `SELECT 'total' AS bucket, count(*) FILTER (WHERE ${filter}) AS value FROM (${SENT_REFERRALS}) r`;
}

export const REFERRAL_INDICATORS: readonly IndicatorDefinition[] = [
  { key: 'referrals_sent', dimension: null, sql: count('true') },
  { key: 'referrals_accepted', dimension: null, sql: count('r."acceptedAt" IS NOT NULL') },
  { key: 'referrals_completed', dimension: null, sql: count(`r.status = 'completed'`) },
  { key: 'referrals_overdue', dimension: null, sql: count('r."overdueAt" IS NOT NULL') },
  {
    key: 'referrals_median_response_hours',
    dimension: null,
    // Hours from sending to acceptance, median over the accepted ones, to one decimal; NULL when none was accepted.
    sql: `SELECT 'total' AS bucket, round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."acceptedAt" - r."sentAt") / 3600))::numeric, 1) AS value
      FROM (${SENT_REFERRALS}) r WHERE r."acceptedAt" IS NOT NULL`,
  },
];

export const referralIndicators: IndicatorProvider = { definitions: REFERRAL_INDICATORS };
