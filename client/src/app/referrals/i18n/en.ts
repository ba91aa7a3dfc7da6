import { Dictionary } from '../../core/i18n/dictionary';
import { referralsEs } from './es';

/** English texts of the referrals. */
export const referralsEn: Dictionary<typeof referralsEs> = {
  referrals: {
    title: 'Referrals',
    detailTitle: 'Referral',
    inbox: 'Received',
    outbox: 'Sent',
    total: '{{count}} in total',
    empty: 'No referrals.',
    overdue: 'Overdue',
    sharedTitle: 'What was shared of the case',
    identityNotShared: 'The identity was not shared.',
    status: {
      draft: 'Draft',
      sent: 'Sent',
      received: 'Received',
      accepted: 'Accepted',
      in_progress: 'In progress',
      completed: 'Completed',
      declined: 'Declined',
      cancelled: 'Cancelled',
    },
    urgency: { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' },
    move: {
      sent: 'Send',
      received: 'Mark received',
      accepted: 'Accept',
      in_progress: 'Start',
      completed: 'Complete',
      declined: 'Decline',
      cancelled: 'Cancel',
      draft: 'Draft',
    },
  },
};
