import { InstitutionRef, UserRef } from '@ruta/shared';
import { InstitutionEntity } from './institutions/institution.entity';
import { UserEntity } from './users/user.entity';

// How an institution and a user appear inside another area's API response (never the entity itself).
export function institutionRef(i: Pick<InstitutionEntity, 'id' | 'code' | 'name'>): InstitutionRef {
  return { id: i.id, code: i.code, name: i.name };
}

/** A user the actor may not list (row-level security on users) still appears by id. */
export function userRef(user: UserEntity | null | undefined, id: string): UserRef {
  return { id, name: user?.name ?? '' };
}
