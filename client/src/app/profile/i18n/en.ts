import { Dictionary } from '../../core/i18n/dictionary';
import { profileEs } from './es';

/** English texts of the user's own profile. */
export const profileEn: Dictionary<typeof profileEs> = {
  profile: {
    title: 'My profile',
    name: 'Name',
    email: 'Email',
    institution: 'Institution',
    role: 'Role',
    scope: 'Record scope',
    mfaTitle: 'Two-step verification',
    mfaOn: 'On',
    mfaOff: 'Off',
    mfaRequired: 'Your role requires two-step verification; it cannot be turned off.',
    mfaEnable: 'Turn on',
    mfaDisable: 'Turn off',
    mfaDisablePassword: 'Password to confirm',
    mfaDisabled: 'Two-step verification is off.',
    languageSaved: 'Language saved.',
  },
};
