import { DataCategory } from '@ruta/shared';

/**
 * What the erasure does with each column of a table that holds a person's identity. Every column of the entity is
 * listed: `statistics` (kept, the figures read it), `key` (ids, links, timestamps), `derived` (the database computes
 * it from erased columns) or an erased column with the SQL that replaces it (`$pseudonym` is the pseudonym). A
 * column added to the entity that is in neither list fails the spec beside this file, and the erasure refuses to run
 * on a table with a column it does not know (it never leaves something in clear by omission).
 */
export type ColumnFate = 'statistics' | 'key' | 'derived' | { category: DataCategory; value: ErasedValue };

/**
 * What an erased column becomes: `empty` (NULL, or `{}` / '' where the column cannot be NULL: decided from the
 * column's type in the database, so a column that changes type, e.g. to encrypted text, stays erasable), the
 * pseudonym, or a fixed SQL expression.
 */
export type ErasedValue = 'empty' | 'pseudonym' | 'relative' | { sql: string };

const erase = (category: DataCategory, value: ErasedValue = 'empty'): ColumnFate => ({ category, value });

export const ERASURE_COLUMNS: Readonly<Record<string, Readonly<Record<string, ColumnFate>>>> = {
  victims: {
    caseId: 'key',
    updatedAt: 'key',
    ownerInstitutionId: 'key',
    sex: 'statistics',
    nationality: 'statistics',
    givenNames: erase('victim_identity', 'pseudonym'),
    familyNames: erase('victim_identity'),
    aliases: erase('victim_identity'),
    birthDate: erase('victim_identity'),
    birthYear: erase('victim_identity'),
    estimatedAge: erase('victim_identity'),
    documentType: erase('victim_identity'),
    documentNumber: erase('victim_identity'),
    documentNumberNormalized: erase('victim_identity'),
    documentNumberHash: erase('victim_identity'),
    birthDateHash: erase('victim_identity'),
    nameTokens: erase('victim_identity'),
    searchName: 'derived',
    scopedNameTokens: 'derived', // ruta_scoped_name_tokens(nameTokens, institution), by trigger: erasing nameTokens empties it
    genderIdentity: erase('victim_profile'),
    languages: erase('victim_profile'),
    ethnicity: erase('victim_profile'),
    disability: erase('victim_profile'),
    migrationStatus: erase('victim_profile'),
    phone: erase('victim_contacts'),
    email: erase('victim_contacts'),
    currentLocation: erase('victim_contacts'),
  },
  case_notes: {
    id: 'key',
    caseId: 'key',
    authorId: 'key',
    authorInstitutionId: 'key',
    restricted: 'key',
    createdAt: 'key',
    body: erase('notes'),
  },
  case_documents: {
    id: 'key',
    caseId: 'key',
    kind: 'statistics',
    contentType: 'key',
    sizeBytes: 'key',
    uploadedById: 'key',
    uploadedByInstitutionId: 'key',
    createdAt: 'key',
    content: erase('documents', { sql: `'\\x'::bytea` }),
    sha256: erase('documents', { sql: `repeat('0', 64)` }),
  },
  assistance_participants: {
    id: 'key',
    caseId: 'key',
    relation: 'statistics',
    sex: 'statistics',
    ageBand: 'statistics',
    createdById: 'key',
    createdAt: 'key',
    updatedAt: 'key',
    version: 'key',
    fullName: erase('relatives', 'relative'),
  },
  hotline_contacts: {
    summary: erase('hotline_callers'),
    phone: erase('hotline_callers'),
    phoneHash: erase('hotline_callers'),
  },
};

/** A column as the database describes it (information_schema.columns). */
export interface DbColumn {
  name: string;
  dataType: string;
  nullable: boolean;
}

/** The categories of a table's erased columns. */
export function categoriesOf(table: string): DataCategory[] {
  return [...new Set(Object.values(ERASURE_COLUMNS[table] ?? {}).flatMap((fate) => (typeof fate === 'object' ? [fate.category] : [])))];
}

/**
 * The SET list that erases a table's columns of the given categories (the others stay), for the columns the table
 * has (`columns`, from the database). `pseudonym` and `relative` are SQL expressions (e.g. parameters `$2`).
 */
export function eraseAssignments(table: string, categories: ReadonlySet<DataCategory>, columns: readonly DbColumn[], params: { pseudonym?: string; relative?: string } = {}): string[] {
  return columns.flatMap((column) => {
    const fate = ERASURE_COLUMNS[table]?.[column.name];
    if (!fate || typeof fate !== 'object' || !categories.has(fate.category)) return [];
    const value =
      fate.value === 'pseudonym'
        ? (params.pseudonym ?? 'NULL')
        : fate.value === 'relative'
          ? (params.relative ?? 'NULL')
          : typeof fate.value === 'object'
            ? fate.value.sql
            : column.nullable
              ? 'NULL'
              : column.dataType === 'ARRAY'
                ? `'{}'`
                : `''`;
    return [`"${column.name}" = ${value}`];
  });
}

/** Columns of the table that the list does not know. */
export function unknownColumns(table: string, columns: readonly string[]): string[] {
  const listed = ERASURE_COLUMNS[table] ?? {};
  return columns.filter((c) => !(c in listed));
}

/** The tables whose every column is listed (hotline contacts: only the caller's columns, the rest are statistics). */
export const FULLY_LISTED_TABLES = ['victims', 'case_notes', 'case_documents', 'assistance_participants'] as const;
