import { MigrationInterface, QueryRunner } from 'typeorm';
import { rewritePolicies, wrapContextCalls } from './rls';

/**
 * The policies of the privacy area and of the other areas' encrypted columns (migrations 1764405100000 and
 * 1764405300000) called `ruta_ctx_*()` bare, so PostgreSQL read the request context again for every row; as in
 * migration 1764404200000-FastScopes, every such call becomes a scalar sub-select, computed once per statement. Same
 * meaning: the context cannot change within a statement. Any policy a later migration writes bare is caught by
 * e2e/api/platform/scale-policies.e2e-spec.ts.
 */
export class WrappedContextCalls1764405500000 implements MigrationInterface {
  name = 'WrappedContextCalls1764405500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await rewritePolicies(queryRunner, wrapContextCalls);
  }

  public async down(): Promise<void> {
    // Nothing to undo: the wrapped form means the same; the earlier migrations' down steps accept it.
  }
}
