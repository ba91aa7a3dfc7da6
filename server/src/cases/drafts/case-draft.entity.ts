import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@ruta/identity';

/** A user's unfinished intake: one per user, its wizard value sealed (`v1.` AES-256-GCM), never in clear. */
@Entity({ name: 'case_drafts' })
@Check('CHK_case_drafts_step', `"step" >= 0 AND "step" <= 4`)
export class CaseDraftEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_case_drafts' })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_case_drafts_user' })
  user?: UserEntity;

  /** The sealed JSON of the wizard value. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'smallint' })
  step!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
