import { Dictionary } from '../../core/i18n/dictionary';
import { indicatorsEs } from './es';

/** English texts of indicators. */
export const indicatorsEn: Dictionary<typeof indicatorsEs> = {
  indicators: {
    title: 'Indicators',
  },
};
