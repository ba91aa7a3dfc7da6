import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { encryptedText } from '@ruta/platform';
import { CaseEntity } from './case.entity';

/** Where the victim is sheltered: the most restricted field, only for roles with `victim_location:read`; stored encrypted. */
@Entity({ name: 'victim_locations' })
export class VictimLocationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_victim_locations' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_victim_locations_case' })
  case?: CaseEntity;

  @Column({ type: 'text', transformer: encryptedText('victim_locations', 'shelterLocation') })
  shelterLocation!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
