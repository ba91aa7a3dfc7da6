import { Dictionary } from '../../core/i18n/dictionary';
import { hotlineEs } from './es';

/** English texts of hotline. */
export const hotlineEn: Dictionary<typeof hotlineEs> = {
  hotline: {
    title: 'Hotline',
  },
};
