import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ExportFormat, ExportStatus } from '@ruta/shared';
import { InstitutionEntity, UserEntity } from '@ruta/identity';

/** A list export: who asked, why, which cases (fixed under their row-level security), its progress and its file. */
@Entity({ name: 'export_jobs' })
@Index('IDX_export_jobs_requester', ['requestedById', 'createdAt'])
@Index('IDX_export_jobs_queued', { synchronize: false })
@Check('CHK_export_jobs_reason', `NOT "identified" OR "reason" IS NOT NULL`)
export class ExportJobEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_export_jobs' })
  id!: string;

  @Column({ type: 'uuid' })
  requestedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'requestedById', foreignKeyConstraintName: 'FK_export_jobs_requested_by' })
  requestedBy?: UserEntity;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'institutionId', foreignKeyConstraintName: 'FK_export_jobs_institution' })
  institution?: InstitutionEntity;

  @Column({ type: 'varchar', length: 10 })
  format!: ExportFormat;

  @Column({ type: 'boolean', default: false })
  identified!: boolean;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 2, default: 'es' })
  language!: 'es' | 'en';

  @Column({ type: 'uuid', array: true })
  caseIds!: string[];

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status!: ExportStatus;

  @Column({ type: 'integer' })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'bytea', nullable: true })
  content!: Buffer | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  fileName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** Claims so far; the current one fences the worker that holds it (migration 1764404830000). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Renewed by the worker after every chunk; a running job whose lease ran out is queued again. */
  @Column({ type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;
}
