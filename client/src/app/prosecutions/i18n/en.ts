import { Dictionary } from '../../core/i18n/dictionary';
import { prosecutionsEs } from './es';

/** English texts of prosecutions. */
export const prosecutionsEn: Dictionary<typeof prosecutionsEs> = {
  prosecutions: {
    title: 'Prosecutions',
  },
};
