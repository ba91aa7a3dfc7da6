import { Dictionary } from '../../core/i18n/dictionary';
import { errorPagesEs } from './es';

/** English texts of the "not found" and "no access" pages. */
export const errorPagesEn: Dictionary<typeof errorPagesEs> = {
  notFound: {
    title: 'Page not found',
    text: 'The address does not match any page of Ruta.',
    home: 'Back to home',
  },
  forbidden: {
    title: 'Access not allowed',
    text: 'Your role does not include the permission to see this page.',
  },
};
