import { InstitutionRef } from '../common/refs';
import { Permission } from '../access/permissions';
import { RecordScope } from '../access/record-scope';
import { InstitutionType } from '../institutions/institutions';

export interface InstitutionView {
  id: string;
  code: string;
  name: string;
  type: InstitutionType;
  active: boolean;
  version: number;
}

export interface CreateInstitutionRequest {
  code: string;
  name: string;
  type: InstitutionType;
}

export interface UpdateInstitutionRequest {
  version: number;
  name?: string;
  type?: InstitutionType;
  active?: boolean;
}

export interface RoleView {
  id: string;
  code: string;
  nameEs: string;
  nameEn: string;
  scope: RecordScope;
  requiresMfa: boolean;
  permissions: Permission[];
  version: number;
}

export interface CreateRoleRequest {
  code: string;
  nameEs: string;
  nameEn: string;
  scope: RecordScope;
  requiresMfa: boolean;
  permissions: Permission[];
}

export interface UpdateRoleRequest extends Partial<Omit<CreateRoleRequest, 'code'>> {
  version: number;
}

export interface UserView {
  id: string;
  name: string;
  email: string;
  active: boolean;
  institution: InstitutionRef;
  role: { id: string; code: string; nameEs: string; nameEn: string };
  mfaEnabled: boolean;
  lastLoginAt: string | null;
  version: number;
}

export interface CreateUserRequest {
  name: string;
  email: string;
  institutionId: string;
  roleId: string;
}

export interface UpdateUserRequest {
  version: number;
  name?: string;
  institutionId?: string;
  roleId?: string;
  active?: boolean;
}

/** A new user or a reset password: the temporary password is shown once, to the administrator, and must be changed. */
export interface TemporaryPasswordResponse {
  user: UserView;
  temporaryPassword: string;
}

/** Validation shared by the API's DTOs and the client's forms. */
export const INSTITUTION_CODE_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
export const ROLE_CODE_PATTERN = /^[a-z][a-z0-9_-]{1,39}$/;
export const NAME_MAX_LENGTH = 200;
export const ROLE_NAME_MAX_LENGTH = 120;
