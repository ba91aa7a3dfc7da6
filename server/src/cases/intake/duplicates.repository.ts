import { Injectable } from '@nestjs/common';
import { activeBlindIndexKey, birthDateIndex, blindIndex, nameQueryParameters, RepositoryBase } from '@ruta/platform';

export interface DuplicateRow {
  institutionId: string;
  institutionCode: string;
  institutionName: string;
  matchedOn: 'document' | 'name_birth_date';
  /** Null unless the actor can already see that case. */
  code: string | null;
}

/**
 * Possible duplicates across every institution through the SECURITY DEFINER function
 * `ruta_find_possible_duplicates()`, which never returns identity nor the code of a case outside the caller's scope.
 * The identity goes in as blind indexes (document and birth date hashes, name tokens per word, birth year): the names
 * are encrypted.
 * A name matches when 60 % of its words (accents, case and particles aside, one typo each) are in the stored name.
 */
@Injectable()
export class DuplicatesRepository extends RepositoryBase {
  find(input: { documentNumber: string | null; name: string | null; birthDate: string | null; sex: string | null; excludeCaseId: string | null }): Promise<DuplicateRow[]> {
    const key = activeBlindIndexKey();
    return this.manager.query(
      `SELECT d."institutionId", i.code AS "institutionCode", i.name AS "institutionName", d."matchedOn", d.code
       FROM ruta_find_possible_duplicates($1, $2::bigint[], $3, $4, $5::uuid) d JOIN institutions i ON i.id = d."institutionId"
       ORDER BY i.name, d."matchedOn", d.code NULLS LAST`,
      [
        blindIndex(key, input.documentNumber),
        nameQueryParameters(key, input.name)?.words ?? null,
        birthDateIndex(key, input.birthDate),
        input.sex,
        input.excludeCaseId,
      ],
    );
  }

  /**
   * The on-demand check (`ruta_check_possible_duplicates()`): every match needs a similar name, and birth dates match
   * by year ± 1, so no answer depends on the day or month.
   */
  check(input: { documentNumber: string | null; name: string; birthYear: number | null; sex: string | null }): Promise<DuplicateRow[]> {
    const key = activeBlindIndexKey();
    return this.manager.query(
      `SELECT d."institutionId", i.code AS "institutionCode", i.name AS "institutionName", d."matchedOn", d.code
       FROM ruta_check_possible_duplicates($1, $2::bigint[], $3::integer, $4) d JOIN institutions i ON i.id = d."institutionId"
       ORDER BY i.name, d."matchedOn", d.code NULLS LAST`,
      [blindIndex(key, input.documentNumber), nameQueryParameters(key, input.name)?.words ?? null, input.birthYear, input.sex],
    );
  }
}
