import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '@ruta/platform';
import { ServiceCategory } from '@ruta/shared';
import { InstitutionEntity } from '@ruta/identity';

/** A provider of the service directory: the categories it offers and the departments (DIVIPOLA) it covers. */
@Entity({ name: 'service_providers' })
@Unique('UQ_service_providers_name', ['name'])
@Index('IDX_service_providers_categories', { synchronize: false })
export class ServiceProviderEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_service_providers' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'uuid', nullable: true })
  institutionId!: string | null;

  @ManyToOne(() => InstitutionEntity)
  @JoinColumn({ name: 'institutionId', foreignKeyConstraintName: 'FK_service_providers_institution' })
  institution?: InstitutionEntity | null;

  @Column({ type: 'text', array: true, default: '{}' })
  categories!: ServiceCategory[];

  @Column({ type: 'text', array: true, default: '{}' })
  departmentCodes!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
