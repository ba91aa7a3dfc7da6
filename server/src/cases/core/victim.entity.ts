import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Disability, DocumentType, Ethnicity, GenderIdentity, MigrationStatus, Sex } from '@ruta/shared';
import type { ValueTransformer } from 'typeorm';
import { encryptedText } from '@ruta/platform';
import { CaseEntity } from './case.entity';

const aliasesCipher = encryptedText('victims', 'aliases');

/** The aliases list, stored as its JSON text, encrypted (one value per victim); no aliases is NULL. */
const encryptedAliases: ValueTransformer = {
  to: (value: string[] | null | undefined) => (value === undefined ? value : aliasesCipher.to(value && value.length ? JSON.stringify(value) : null)),
  from: (value: string | null) => {
    const json = aliasesCipher.from(value) as string | null;
    return json ? (JSON.parse(json) as string[]) : [];
  },
};

/**
 * The victim's identity, one row per case. Row-level security shows it only to roles with `victim_identity:read`.
 * Names, aliases, document number, birth date, contact details and the current location are stored encrypted (field
 * encryption: the entity holds the clear text, the column the ciphertext). Search and duplicate checks use the blind
 * indexes beside them (`nameTokens`, `documentNumberHash`, `birthDateHash`, `birthYear`; `victimBlindColumns`), migration
 * 1764405200000-VictimIdentityBlindIndexes.
 */
@Entity({ name: 'victims' })
@Index('IDX_victims_name_tokens', { synchronize: false })
@Index('IDX_victims_scoped_name_tokens', { synchronize: false })
// Partial, of the rows not yet tokenised (the start-up step's batches): managed by the migration.
@Index('IDX_victims_unindexed', { synchronize: false })
@Index('IDX_victims_document_hash', ['documentNumberHash'])
@Index('IDX_victims_birth_year', ['birthYear'])
@Index('IDX_victims_birth_date_hash', ['birthDateHash'])
export class VictimEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_victims' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_victims_case' })
  case?: CaseEntity;

  @Column({ type: 'text', transformer: encryptedText('victims', 'givenNames') })
  givenNames!: string;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('victims', 'familyNames') })
  familyNames!: string | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedAliases })
  aliases!: string[];

  @Column({ type: 'varchar', length: 20 })
  sex!: Sex;

  @Column({ type: 'varchar', length: 30, nullable: true })
  genderIdentity!: GenderIdentity | null;

  /** ISO date, encrypted. */
  @Column({ type: 'text', nullable: true, transformer: encryptedText('victims', 'birthDate') })
  birthDate!: string | null;

  /** Blind index of the birth date (`birthDateIndex`): the same-date duplicate rules. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  birthDateHash!: string | null;

  /** The birth date's year, in clear: what the on-demand duplicate check (year ± 1) needs. */
  @Column({ type: 'smallint', nullable: true })
  birthYear!: number | null;

  @Column({ type: 'smallint', nullable: true })
  estimatedAge!: number | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  nationality!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  documentType!: DocumentType | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('victims', 'documentNumber') })
  documentNumber!: string | null;

  /** Blind index of the normalised document number (upper case, letters and digits): what look-ups compare. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  documentNumberHash!: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  languages!: string[];

  @Column({ type: 'varchar', length: 30, nullable: true })
  ethnicity!: Ethnicity | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  disability!: Disability | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  migrationStatus!: MigrationStatus | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('victims', 'phone') })
  phone!: string | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('victims', 'email') })
  email!: string | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('victims', 'currentLocation') })
  currentLocation!: string | null;

  /** Blind-index tokens of the names and aliases (blind-index.ts `nameTokens`); NULL until indexed (bulk SQL rows). */
  @Column({ type: 'bigint', array: true, nullable: true, select: false })
  nameTokens!: string[] | null;

  /** The same tokens keyed by the case's institution, kept by a trigger (an institution's search reads only its own). */
  @Column({ type: 'bigint', array: true, nullable: true, select: false, insert: false, update: false })
  scopedNameTokens!: string[] | null;

  /** The case's institution, kept by triggers: the first column of the name index. */
  @Column({ type: 'uuid', insert: false, update: false, select: false })
  ownerInstitutionId!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
