import { Dictionary } from '../../core/i18n/dictionary';
import { loginEs } from './es';

/** English texts of sign-in. */
export const loginEn: Dictionary<typeof loginEs> = {
  login: {
    title: 'Sign in to Ruta',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    loggedOut: 'You signed out.',
    sessionExpired: 'Your session ended. Please sign in again.',
  },
  totp: {
    title: 'Two-step verification',
    intro: 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
    code: 'Verification code',
    hint: '6 digits or a recovery code',
    submit: 'Verify',
    restart: 'Sign in with another account',
  },
};
