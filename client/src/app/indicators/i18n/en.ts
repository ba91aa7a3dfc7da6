import { Dictionary } from '../../core/i18n/dictionary';
import { indicatorsEs } from './es';

/** English texts of indicators. */
export const indicatorsEn: Dictionary<typeof indicatorsEs> = {
  indicators: {
    title: 'Indicators',
    year: 'Year',
    cards: 'Figures of the year',
    none: 'No data in the period',
    unknown: 'Not recorded',
    keys: {
      victims_identified: 'Victims identified',
      victims_by_purpose: 'Victims by purpose of exploitation',
      victims_by_sex: 'Victims by sex',
      victims_by_age_band: 'Victims by age band',
      victims_by_nationality: 'Victims by nationality',
      victims_by_scope: 'Victims of internal and international trafficking',
      victims_minors: 'Child victims',
      referrals_sent: 'Referrals sent',
      referrals_accepted: 'Referrals accepted',
      referrals_completed: 'Referrals completed',
      referrals_overdue: 'Referrals overdue',
      referrals_median_response_hours: 'Median hours to acceptance',
    },
    annual: {
      title: 'Annual report {{year}}',
      caption: 'Shaped after the US TIP report and the UNODC GLOTIP questionnaire',
      indicator: 'Indicator',
      value: 'Value',
      xlsx: 'Download Excel',
      pdf: 'Download PDF',
    },
    behind: {
      title: 'Cases behind the figure',
      heading: 'Cases identified in {{year}}',
      minors: 'Child victims only',
      back: 'Back to the indicators',
      code: 'Code',
      status: 'Status',
      institution: 'Institution',
      purposes: 'Purposes',
      identifiedOn: 'Identified on',
      more: 'Load more',
    },
    home: {
      title: 'Indicators {{year}}',
      open: 'Open the dashboard',
    },
  },
};
