import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HotlineImportRejection, HotlineImportStatus } from '@ruta/shared';
import { UserEntity } from '@ruta/identity';

/** One historical call log being imported by the background job; the file is kept sealed only until it has run. */
@Entity({ name: 'hotline_imports' })
@Index('IDX_hotline_imports_pending', { synchronize: false })
export class HotlineImportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_hotline_imports' })
  id!: string;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_hotline_imports_created_by' })
  createdBy?: UserEntity;

  @Column({ type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: HotlineImportStatus;

  @Column({ type: 'jsonb' })
  mapping!: Record<string, string>;

  @Column({ type: 'text', nullable: true })
  contentSealed!: string | null;

  @Column({ type: 'integer', default: 0 })
  totalRows!: number;

  @Column({ type: 'integer', default: 0 })
  processedRows!: number;

  @Column({ type: 'integer', default: 0 })
  importedRows!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  rejected!: HotlineImportRejection[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
