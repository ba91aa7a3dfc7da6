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
    dashboards: {
      period: 'From {{from}} to {{to}}',
      back: 'Back to the home page',
      caseworker: {
        title: 'My day: follow-ups',
        chart: 'Follow-ups due in the next 7 days',
        follow_ups_due: 'Follow-ups due today',
        follow_ups_overdue: 'Follow-ups overdue',
        phase_immediate: 'Cases in immediate assistance',
        phase_medium_term: 'Cases in medium-term assistance',
        phase_follow_up: 'Cases in follow-up',
      },
      investigator: {
        title: "Your institution's cases and operations",
        chart: 'Cases identified and operations per month, last 12 months',
        cases_identified: 'Cases identified',
        operations: 'Operations',
        arrests: 'Arrests in operations',
      },
      prosecutor: {
        title: "This year's criminal proceedings",
        chart: 'Defendants by current stage (Law 906)',
        defendants: 'Defendants',
        investigations_opened: 'Crime reports',
        charged: 'Persons charged',
        accused: 'Persons indicted',
        convicted: 'Persons convicted',
        acquitted: 'Persons acquitted',
      },
      hotline: {
        title: 'Hotline volume',
        chart: 'Contacts per day, last 30 days',
        contacts: 'Contacts',
        cases_opened: 'Cases opened or linked',
        tips_sent: 'Tips sent',
        referrals: 'Referrals for assistance',
      },
    },
    coming: {
      title: 'What your role will do here',
    },
  },
};
