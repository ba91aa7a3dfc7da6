import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Unique } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

/** The hash chain: seal n = sha256(hash of seal n-1 | canonical text of its event). Append-only. */
@Entity({ name: 'audit_seals' })
@Unique('UQ_audit_seals_eventId', ['eventId'])
export class AuditSealEntity {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_audit_seals' })
  seq!: string;

  @Column({ type: 'bigint' })
  eventId!: string;

  @OneToOne(() => AuditEventEntity, { nullable: false })
  @JoinColumn({ name: 'eventId', foreignKeyConstraintName: 'FK_audit_seals_event' })
  event?: AuditEventEntity;

  @Column({ type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sealedAt!: Date;
}
