import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@ruta/platform';
import { ENTITIES } from '@ruta/server/entities';
import { APP_ROLE } from '@ruta/migrations';

describe('schema: migrations are the only source of the schema', () => {
  it('has entities that agree with the migrations (generating a migration would yield nothing)', async () => {
    const dataSource = new DataSource(dataSourceOptions(process.env.RUTA_TEST_OWNER_URL!, { poolSize: 1, entities: ENTITIES }));
    await dataSource.initialize();
    try {
      // Every area's entities take part (an empty list would agree with anything).
      expect(dataSource.entityMetadatas.map((m) => m.tableName)).toEqual(expect.arrayContaining(['cases', 'victims', 'users', 'audit_events', 'places']));
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('connects the application as a role that owns no table and cannot bypass row-level security', async () => {
    const client = new Client({ connectionString: process.env.RUTA_TEST_APP_URL });
    await client.connect();
    try {
      const role = await client.query(`SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
      expect(role.rows[0]).toEqual({ name: APP_ROLE, rolsuper: false, rolbypassrls: false });
      const owned = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
      expect(owned.rows[0].n).toBe(0);
      await expect(client.query(`CREATE TABLE sneaky (id int)`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });
});
