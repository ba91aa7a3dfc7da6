import { Dictionary } from '../../core/i18n/dictionary';
import { statusEs } from './es';

/** English texts of the system status page. */
export const statusEn: Dictionary<typeof statusEs> = {
  status: {
    title: 'System status',
    api: 'API',
    online: 'online',
    offline: 'offline',
    overall: 'Overall status',
    database: 'Database',
    up: 'up',
    down: 'down',
    unknown: 'unknown',
    checking: 'Checking…',
  },
};
