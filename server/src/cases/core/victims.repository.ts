import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { activeBlindIndexKey, birthDateIndex, blindIndex, nameTokens, normalizeDocument, RepositoryBase } from '@ruta/platform';
import { VictimLocationEntity } from './victim-location.entity';
import { VictimEntity } from './victim.entity';

type Identity = Partial<Pick<VictimEntity, 'givenNames' | 'familyNames' | 'aliases' | 'documentNumber' | 'birthDate'>>;

/**
 * The blind indexes of an identity (whole: names, aliases, document number, birth date): the name tokens, the document
 * number's hash and the birth year, written with every insert and identity edit.
 */
export function victimBlindColumns(v: Identity): Pick<VictimEntity, 'nameTokens' | 'documentNumberHash' | 'birthDateHash' | 'birthYear'> {
  const key = activeBlindIndexKey();
  return {
    nameTokens: nameTokens(key, v.givenNames, v.familyNames, ...(v.aliases ?? [])),
    documentNumberHash: blindIndex(key, normalizeDocument(v.documentNumber)),
    birthDateHash: birthDateIndex(key, v.birthDate),
    birthYear: v.birthDate ? Number(v.birthDate.slice(0, 4)) : null,
  };
}

/**
 * Victims' identity and shelter location. Row-level security returns nothing to roles without
 * `victim_identity:read` (and, for the shelter, `victim_location:read`); the services do not even ask.
 */
@Injectable()
export class VictimsRepository extends RepositoryBase {
  /** A new victim record, with its blind indexes. */
  async insert(values: QueryDeepPartialEntity<VictimEntity>): Promise<void> {
    await this.insertRows(VictimEntity, [{ ...values, ...victimBlindColumns(values as Identity) } as QueryDeepPartialEntity<VictimEntity>]);
  }

  find(caseId: string): Promise<VictimEntity | null> {
    return this.manager.getRepository(VictimEntity).findOneBy({ caseId });
  }

  /** Changes to a victim record; `identity` is the whole identity after them, whose blind indexes are written too. */
  async update(caseId: string, changes: Partial<VictimEntity>, identity: Identity): Promise<void> {
    const set = { ...changes, ...victimBlindColumns(identity), updatedAt: () => 'now()' } as QueryDeepPartialEntity<VictimEntity>;
    await this.manager.createQueryBuilder().update(VictimEntity).set(set).where('"caseId" = :caseId', { caseId }).execute();
  }

  findLocation(caseId: string): Promise<VictimLocationEntity | null> {
    return this.manager.getRepository(VictimLocationEntity).findOneBy({ caseId });
  }

  async saveLocation(caseId: string, shelterLocation: string, exists: boolean): Promise<void> {
    const qb = this.manager.createQueryBuilder();
    if (exists) {
      await qb.update(VictimLocationEntity).set({ shelterLocation, updatedAt: () => 'now()' }).where('"caseId" = :caseId', { caseId }).execute();
    } else {
      await qb.insert().into(VictimLocationEntity).values({ caseId, shelterLocation }).updateEntity(false).execute();
    }
  }
}
