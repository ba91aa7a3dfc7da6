import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Disability, DocumentType, Ethnicity, GenderIdentity, MigrationStatus, Sex } from '@ruta/shared';
import { encryptedText } from '@ruta/platform';
import { CaseEntity } from './case.entity';

/**
 * The victim's identity, one row per case. Row-level security shows it only to roles with `victim_identity:read`.
 * `searchName` is maintained by a trigger (accent-free, lower case) and indexed with trigrams. Contact details and the
 * current location are stored encrypted (field encryption: the entity holds the clear text, the column the ciphertext).
 */
@Entity({ name: 'victims' })
@Index('IDX_victims_search_name', { synchronize: false })
@Index('IDX_victims_document', ['documentNumberNormalized'])
@Index('IDX_victims_birth_date', ['birthDate'])
export class VictimEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_victims' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_victims_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 200 })
  givenNames!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  familyNames!: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  aliases!: string[];

  @Column({ type: 'varchar', length: 20 })
  sex!: Sex;

  @Column({ type: 'varchar', length: 30, nullable: true })
  genderIdentity!: GenderIdentity | null;

  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'smallint', nullable: true })
  estimatedAge!: number | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  nationality!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  documentType!: DocumentType | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  documentNumber!: string | null;

  /** Upper case, letters and digits only: what duplicate checks and search compare. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  documentNumberNormalized!: string | null;

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

  @Column({ type: 'text', nullable: true, insert: false, update: false, select: false })
  searchName!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
