import { Dictionary } from '../../core/i18n/dictionary';
import { indicatorsEs } from './es';

/** English texts of indicators. */
export const indicatorsEn: Dictionary<typeof indicatorsEs> = {
  indicators: {
    title: 'Indicators',
    year: 'Year',
    cards: 'Figures of the year',
    asOf: 'Figures of the whole centre as of {{when}}; updated every few minutes.',
    none: 'No data in the period',
    unknown: 'Not recorded',
    annual: {
      title: 'Annual report {{year}}',
      caption: 'Shaped after the US TIP report and the UNODC GLOTIP questionnaire',
      indicator: 'Indicator',
      value: 'Value',
      xlsx: 'Download Excel',
      pdf: 'Download PDF',
      sections: {
        protection: 'Protection: victims identified',
        referrals: 'Referrals between institutions',
        assistance: 'Victim assistance (Law 985)',
        justice: 'Prosecution (Law 906)',
        hotline: 'National anti-trafficking hotline',
      },
    },
    behind: {
      heading: 'Cases identified in {{year}}',
      minors: 'Child victims only',
      back: 'Back to the indicators',
      period: 'Cases identified from {{from}} to {{to}}',
    },
    exports: {
      title: 'Exports',
      hint: 'The cases you can see, identified in the year. Large exports are prepared in the background; the link lasts 24 hours.',
      format: 'Format',
      identified: "With the victims' names",
      reason: 'Reason for the export',
      submit: 'Export',
      mine: 'Your recent exports',
      progress: '{{processed}} of {{total}} cases',
      download: 'Download ({{total}} cases)',
      statistics: 'Anonymous statistics (CSV)',
      listHint: 'The cases of the list are exported with its current filters.',
      listByName: 'A list filtered by name or document cannot be exported: remove those filters.',
    },
    summary: {
      download: 'Summary as PDF',
    },
    home: {
      title: 'Indicators {{year}}',
      open: 'Open the dashboard',
    },
  },
};
