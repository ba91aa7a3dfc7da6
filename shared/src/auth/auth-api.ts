import { InstitutionRef } from '../common/refs';
import { Permission } from '../access/permissions';
import { RecordScope } from '../access/record-scope';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Where a login stands. Only `done` opens the application; the others admit just the step they name.
 * - `totp`: the password was right; the second factor is owed;
 * - `enrol_totp`: the role requires two-factor and the user has none yet;
 * - `change_password`: an administrator reset the password; a new one is owed.
 */
export const LOGIN_STAGES = ['totp', 'enrol_totp', 'change_password', 'done'] as const;
export type LoginStage = (typeof LOGIN_STAGES)[number];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export interface LoginRequest {
  email: string;
  password: string;
}

export interface TotpRequest {
  /** Six digits from the authenticator app, or one recovery code. */
  code: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface MeResponse {
  id: string;
  name: string;
  email: string;
  language: Language;
  institution: InstitutionRef;
  role: { id: string; code: string; nameEs: string; nameEn: string; scope: RecordScope; requiresMfa: boolean };
  permissions: Permission[];
  mfaEnabled: boolean;
  stage: LoginStage;
}

export interface LoginResponse {
  stage: LoginStage;
  me: MeResponse;
}

export interface TotpEnrolmentResponse {
  /** Base32 secret, for typing into an authenticator by hand. */
  secret: string;
  otpauthUrl: string;
  /** PNG data URL of the otpauth QR code. */
  qrDataUrl: string;
}

export interface TotpConfirmResponse {
  recoveryCodes: string[];
  stage: LoginStage;
}

/** Names of the cookies the API sets. The XSRF cookie is readable by the client, which echoes it in X-XSRF-TOKEN. */
export const SESSION_COOKIE = 'ruta_session';
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';
