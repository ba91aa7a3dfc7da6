import commonPasswords from 'fxa-common-password-list';
import { FieldError, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@ruta/shared';

/**
 * NIST SP 800-63B: long enough, not a known common password, not the account's own email; no composition rules.
 * Returns field errors for `field`, empty when the password is acceptable.
 */
export function checkPasswordPolicy(password: string, context: { email?: string }, field = 'newPassword'): FieldError[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ field, code: 'minLength', message: `Use at least ${PASSWORD_MIN_LENGTH} characters` }];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ field, code: 'maxLength', message: `Use at most ${PASSWORD_MAX_LENGTH} characters` }];
  }
  const lowered = password.toLowerCase();
  if (commonPasswords.test(lowered) || commonPasswords.test(password)) {
    return [{ field, code: 'common_password', message: 'This password is too common; choose another' }];
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lowered.includes(local)) {
    return [{ field, code: 'contains_email', message: 'The password must not contain your email address' }];
  }
  return [];
}
