import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ReferralUrgency } from '@ruta/shared';

/** The response deadline of one urgency, in hours; an administrator changes it. */
@Entity({ name: 'referral_deadline_settings' })
@Check('CHK_referral_deadline_hours', `"hours" BETWEEN 1 AND 2160`)
export class ReferralDeadlineSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'PK_referral_deadline_settings' })
  urgency!: ReferralUrgency;

  @Column({ type: 'integer' })
  hours!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
