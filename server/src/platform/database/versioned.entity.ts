import { CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The columns of every record that users edit: when it was made and changed, and its version for optimistic locking. */
export abstract class VersionedEntity {
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
