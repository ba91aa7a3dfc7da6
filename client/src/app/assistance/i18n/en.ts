import { Dictionary } from '../../core/i18n/dictionary';
import { assistanceEs } from './es';

/** English texts of assistance. */
export const assistanceEn: Dictionary<typeof assistanceEs> = {
  assistance: {
    title: 'Assistance',
  },
};
