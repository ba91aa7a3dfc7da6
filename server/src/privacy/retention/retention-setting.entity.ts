import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RetentionRecordType } from '@ruta/shared';
import { VersionedEntity } from '@ruta/platform';
import { UserEntity } from '@ruta/identity';

/** One retention period: how many years after it ended a record of this type is kept with its identity. */
@Entity({ name: 'privacy_retention_settings' })
@Check('CHK_privacy_retention_settings_years', `"years" BETWEEN 1 AND 50`)
export class RetentionSettingEntity extends VersionedEntity {
  @PrimaryColumn({ type: 'varchar', length: 30, primaryKeyConstraintName: 'PK_privacy_retention_settings' })
  recordType!: RetentionRecordType;

  @Column({ type: 'smallint' })
  years!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'updatedById', foreignKeyConstraintName: 'FK_privacy_retention_settings_updated_by' })
  updatedBy?: UserEntity | null;
}
