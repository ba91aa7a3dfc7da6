import { Logger } from '@nestjs/common';
import { AuditService, SecretBox, TransactionRunner } from '@ruta/platform';
import { CallerPhone } from '../contacts/caller-phone';
import { packCallLog, unpackCallLog } from './call-log-file';
import { errorFacts } from '@ruta/platform';
import { HotlineImportJob } from './hotline-import.job';

/** A PostgreSQL error as the driver raises it: the message echoes the offending value. */
function pgError(): Error {
  return Object.assign(new Error('invalid input syntax for type integer: "300 555 1234, Rosa Ficticia"'), { name: 'QueryFailedError', code: '22P02', constraint: 'CHK_hotline_contacts_phone' });
}

describe('hotline import failures', () => {
  it('say the class, code and constraint of an error, never its message', () => {
    expect(errorFacts(pgError())).toBe('QueryFailedError, code 22P02, constraint CHK_hotline_contacts_phone');
    expect(errorFacts(new Error('Rosa Ficticia 3005551234'))).toBe('Error');
    expect(errorFacts({ name: 'a name with "3005551234" in it', code: '3005551234 Rosa' })).toBe('Error');
    expect(errorFacts(undefined)).toBe('Error');
  });

  it('are logged without the message when an import fails, and the import is marked failed', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const statements: string[] = [];
    const manager = {
      query: jest.fn(async (sql: string) => {
        statements.push(sql);
        if (sql.includes('pg_try_advisory_xact_lock')) return [{ locked: true }];
        if (sql.startsWith('UPDATE hotline_imports SET status = \'running\'')) return [[{ id: 'imp-1', createdById: 'u-1', fileName: 'a.csv', mapping: {}, contentSealed: 'v1.sealed' }], 1];
        return [];
      }),
    };
    const transactions = { runAsSystem: (work: (m: typeof manager) => Promise<unknown>) => work(manager) } as unknown as TransactionRunner;
    const box = { open: () => { throw pgError(); } } as unknown as SecretBox;
    const job = new HotlineImportJob(transactions, {} as CallerPhone, { record: jest.fn() } as unknown as AuditService, box);

    expect(await job.runOnce()).toBe(true);
    const logged = warn.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toContain('Hotline import imp-1 failed: QueryFailedError, code 22P02, constraint CHK_hotline_contacts_phone');
    expect(logged).not.toMatch(/555|Rosa|invalid input/);
    expect(statements.some((s) => s.includes("status = $2::varchar"))).toBe(true);
    warn.mockRestore();
  });
});

describe('a queued call log', () => {
  it('is compressed before it is sealed and comes back byte for byte', () => {
    const csv = Buffer.from(['fecha,canal', ...Array.from({ length: 2000 }, (_, i) => `2024-01-01 10:00,Teléfono ${i % 7}`)].join('\n'), 'utf8');
    const packed = packCallLog(csv);
    expect(packed.length).toBeLessThan(csv.toString('base64').length / 4);
    expect(unpackCallLog(packed).equals(csv)).toBe(true);
  });

  it('still reads a file queued before compression (its plain base64)', () => {
    const csv = Buffer.from('fecha,canal\n2024-01-01 10:00,Teléfono\n', 'utf8');
    expect(unpackCallLog(csv.toString('base64')).equals(csv)).toBe(true);
  });
});
