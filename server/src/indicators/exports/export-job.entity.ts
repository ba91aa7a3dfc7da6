import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ExportFormat, ExportStatus } from '@ruta/shared';

/** A list export: who asked, why, which cases (fixed under their row-level security), its progress and its file. */
@Entity({ name: 'export_jobs' })
@Index('IDX_export_jobs_requester', ['requestedById', 'createdAt'])
@Index('IDX_export_jobs_queued', { synchronize: false })
export class ExportJobEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_export_jobs' })
  id!: string;

  @Column({ type: 'uuid' })
  requestedById!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

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
}
