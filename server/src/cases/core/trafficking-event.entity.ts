import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TraffickingEventKind } from '@ruta/shared';
import { encryptedText } from '@ruta/platform';
import { PlaceEntity } from '@ruta/places';
import { CaseEntity } from './case.entity';

/** Recruitment, transit or exploitation: where (DIVIPOLA in Colombia, a country abroad) and when. */
@Entity({ name: 'trafficking_events' })
@Index('IDX_trafficking_events_case', ['caseId'])
@Check('CHK_trafficking_events_city_abroad', `"city" IS NULL OR "countryCode" <> 'CO'`)
export class TraffickingEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_trafficking_events' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_trafficking_events_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 20 })
  kind!: TraffickingEventKind;

  @Column({ type: 'varchar', length: 2 })
  countryCode!: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  departmentCode!: string | null;

  @ManyToOne(() => PlaceEntity)
  @JoinColumn({ name: 'departmentCode', foreignKeyConstraintName: 'FK_trafficking_events_department' })
  department?: PlaceEntity | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  municipalityCode!: string | null;

  @ManyToOne(() => PlaceEntity)
  @JoinColumn({ name: 'municipalityCode', foreignKeyConstraintName: 'FK_trafficking_events_municipality' })
  municipality?: PlaceEntity | null;

  /**
   * Only abroad: the city (free text, at most 120 characters: the DTO checks it), encrypted (ENCRYPTED_FIELDS, migration
   * 1764405700000). No SQL filters, groups or counts by it: the statistics use the country.
   */
  @Column({ type: 'text', nullable: true, transformer: encryptedText('trafficking_events', 'city') })
  city!: string | null;

  @Column({ type: 'date', nullable: true })
  startedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endedOn!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
