import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '@ruta/platform';

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
 */
@Injectable()
export class DuplicatesRepository extends RepositoryBase {
  find(input: { documentNumber: string | null; name: string | null; birthDate: string | null; sex: string | null; excludeCaseId: string | null }): Promise<DuplicateRow[]> {
    return this.manager.query(
      `SELECT d."institutionId", i.code AS "institutionCode", i.name AS "institutionName", d."matchedOn", d.code
       FROM ruta_find_possible_duplicates($1, $2, $3::date, $4, $5::uuid) d JOIN institutions i ON i.id = d."institutionId"
       ORDER BY i.name, d."matchedOn", d.code NULLS LAST`,
      [input.documentNumber, input.name, input.birthDate, input.sex, input.excludeCaseId],
    );
  }

  /**
   * The on-demand check (`ruta_check_possible_duplicates()`): every match needs a similar name, and birth dates match
   * by year ± 1, so no answer depends on the day or month.
   */
  check(input: { documentNumber: string | null; name: string; birthYear: number | null; sex: string | null }): Promise<DuplicateRow[]> {
    return this.manager.query(
      `SELECT d."institutionId", i.code AS "institutionCode", i.name AS "institutionName", d."matchedOn", d.code
       FROM ruta_check_possible_duplicates($1, $2, $3::integer, $4) d JOIN institutions i ON i.id = d."institutionId"
       ORDER BY i.name, d."matchedOn", d.code NULLS LAST`,
      [input.documentNumber, input.name, input.birthYear, input.sex],
    );
  }
}
