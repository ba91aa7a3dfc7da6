import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AuditAction, AuditEntityType } from '@ruta/shared';

/** One audit event. Append-only: the database rejects UPDATE and DELETE. Details never carry personal data. */
@Entity({ name: 'audit_events' })
@Index('IDX_audit_events_occurredAt', ['occurredAt', 'id'])
@Index('IDX_audit_events_actor', ['actorUserId', 'occurredAt', 'id'])
@Index('IDX_audit_events_entity', ['entityType', 'entityId', 'id'])
@Index('IDX_audit_events_action', ['action', 'occurredAt', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_audit_events' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorInstitutionId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  actorRole!: string | null;

  @Column({ type: 'varchar', length: 40 })
  action!: AuditAction;

  @Column({ type: 'varchar', length: 40, nullable: true })
  entityType!: AuditEntityType | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'success' })
  outcome!: 'success' | 'denied' | 'failure';

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
