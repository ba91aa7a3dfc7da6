import { Dictionary } from '../../core/i18n/dictionary';
import { homeEs } from './es';

/** English texts of the home page. */
export const homeEn: Dictionary<typeof homeEs> = {
  home: {
    title: 'Hello, {{name}}',
    role: 'Role',
    institution: 'Institution',
    statsTitle: 'Cases within your reach',
    statsLoading: 'Loading figures…',
    statsError: 'The case figures could not be loaded.',
    retry: 'Try again',
    total: 'Cases in total',
    byStatus: 'By status',
    minors: 'Minors when identified',
    recent: 'Identified in the last 30 days',
    recentSince: 'Since {{date}}',
    assignedToMe: 'Assigned to me and active',
    viewCases: 'View cases',
    actionsTitle: 'Quick actions',
    newCase: 'New case',
    searchCases: 'Search cases',
    areasTitle: 'Your work areas',
    areasHint: 'Your role does not include access to cases. These are the sections available to you:',
    coming: {
      title: 'What your role will do here',
    },
  },
};
