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
    annual: {
      title: 'Annual report {{year}}',
      caption: 'Shaped after the US TIP report and the UNODC GLOTIP questionnaire',
      indicator: 'Indicator',
      value: 'Value',
      xlsx: 'Download Excel',
      pdf: 'Download PDF',
    },
    behind: {
      heading: 'Cases identified in {{year}}',
      minors: 'Child victims only',
      back: 'Back to the indicators',
    },
    home: {
      title: 'Indicators {{year}}',
      open: 'Open the dashboard',
    },
  },
};
