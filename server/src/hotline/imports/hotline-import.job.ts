import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HotlineImportField, HotlineImportRejection } from '@ruta/shared';
import { activeFieldCipher, AuditService, errorFacts, JobTimer, runUnderJobLock, SECRET_BOX, SecretBox, TransactionRunner } from '@ruta/platform';
import { CallerPhone } from '../contacts/caller-phone';
import { CallLogRow, PlaceIndex, validateCallLogRow } from './call-log-rows';
import { countCallLogRows, readCallLog, unpackCallLog } from './call-log-file';
import { ContactInsertRow, HotlineImportsRepository } from './hotline-imports.repository';

/** The key of the transaction-level advisory lock under which one instance at a time claims an import. */
export const HOTLINE_IMPORT_LOCK = 718_090_012;
const CHUNK = 5_000;
/** At most this many rejections are kept in the report (the counts stay exact). */
const MAX_REPORTED = 20_000;
const POLL_MS = 1_000;

/**
 * Runs waiting call-log imports in the background. Every instance polls, but an import is claimed under
 * `pg_try_advisory_xact_lock` with `FOR UPDATE SKIP LOCKED`, so it runs once. The file is read as it is imported (a
 * whole 30 MB log held as records would not fit the server's heap) and its valid rows are inserted chunk by chunk
 * (set-based, 5,000 a statement) inside ONE system transaction, so an import is all of its valid rows or none; the
 * progress is written from separate short transactions, so the progress bar moves while it runs.
 */
@Injectable()
export class HotlineImportJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HotlineImportJob.name);
  private readonly timer = new JobTimer(this.logger, 'Hotline import job');
  private running = false;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly phone: CallerPhone,
    private readonly audit: AuditService,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {}

  onApplicationBootstrap(): void {
    this.timer.start(POLL_MS, () => this.runOnce());
  }

  /** Stops polling; an import in progress finishes (all of its valid rows or none) before the connection pools close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.timer.stop();
  }

  /** Claims and runs one waiting import, if any; true when one ran. */
  async runOnce(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      const claimed = await runUnderJobLock(this.transactions, HOTLINE_IMPORT_LOCK, (manager) => HotlineImportsRepository.claimNext(manager));
      if (!claimed) return false;
      try {
        await this.process(claimed.id, claimed.createdById, claimed.fileName, claimed.mapping, claimed.contentSealed ?? '');
      } catch (error) {
        this.logger.warn(`Hotline import ${claimed.id} failed: ${errorFacts(error)}`);
        await this.transactions.runAsSystem((manager) => HotlineImportsRepository.finish(manager, claimed.id, { status: 'failed', importedRows: 0, rejected: [], error: 'the file could not be imported' }));
      }
      return true;
    } finally {
      this.running = false;
    }
  }

  private async process(id: string, operatorId: string, fileName: string, mapping: Partial<Record<HotlineImportField, string>>, sealed: string): Promise<void> {
    const content = unpackCallLog(this.box.open(sealed));
    // A first pass that only counts, so the progress has its total from the start; the rows are read again below.
    const total = await countCallLogRows(fileName, content);
    const places = await this.transactions.runAsSystem((manager) => HotlineImportsRepository.placeIndex(manager));
    const index: PlaceIndex = { departments: new Set(), municipalities: new Map() };
    for (const p of places) {
      if (p.kind === 'department') index.departments.add(p.code);
      else index.municipalities.set(p.code, p.departmentCode ?? '');
    }
    await this.transactions.runAsSystem((manager) => HotlineImportsRepository.progress(manager, id, { totalRows: total, processedRows: 0 }));

    const now = new Date();
    // One encryption per distinct number: the blind index beside it already shows which rows share a number, so reusing
    // its ciphertext within one import reveals nothing more, and AES-GCM set-up is the costliest step of a row.
    const encryptedPhones = new Map<string, { phone: string | null; phoneHash: string | null }>();
    const rejected: HotlineImportRejection[] = [];
    let rejectedRows = 0;
    let imported = 0;
    let read = 0;
    const records = readCallLog(fileName, content, CHUNK);
    /** The next chunk of the file, validated and sealed, with the count of rows read through it; undefined at the end. */
    const nextChunk = async (): Promise<{ rows: ContactInsertRow[]; through: number } | undefined> => {
      const next = await records.next();
      if (next.done) return undefined;
      const rows: ContactInsertRow[] = [];
      next.value.forEach((record, i) => {
        // Line numbers as a spreadsheet shows them: the header is line 1.
        const result = validateCallLogRow(record, mapping, index, read + i + 2, now);
        if ('rejections' in result) {
          rejectedRows++;
          if (rejected.length < MAX_REPORTED) rejected.push(...result.rejections);
        } else rows.push(this.seal(result.row, encryptedPhones));
      });
      read += next.value.length;
      return { rows, through: read };
    };
    await this.transactions.runAsSystem(async (manager) => {
      // A pipeline of two: while PostgreSQL inserts one chunk, this process reads, validates and seals the next (one
      // statement at a time on the connection; the progress goes out once the chunk is in). So at most two chunks of
      // the file are held at a time.
      for (let chunk = await nextChunk(); chunk; ) {
        const inserting = chunk.rows.length ? HotlineImportsRepository.insertContacts(manager, id, operatorId, chunk.rows) : Promise.resolve();
        inserting.catch(() => undefined); // awaited below; a failure must not surface as unhandled in between
        // Let the statement reach the wire (the driver sends it a few promise steps in) before validating blocks.
        await new Promise((resolve) => setImmediate(resolve));
        const next = await nextChunk();
        await inserting;
        imported += chunk.rows.length;
        const processed = chunk.through;
        await this.transactions.runAsSystem((progress) => HotlineImportsRepository.progress(progress, id, { processedRows: processed }));
        chunk = next;
      }
      await HotlineImportsRepository.finish(manager, id, { status: 'done', importedRows: imported, rejected });
    });
    await this.audit.record({ action: 'create', entityType: 'hotline_import', entityId: id, details: { imported, rejected: rejectedRows, total } });
  }

  /** The row with its caller's number encrypted (as the entity's transformer would) and its blind index. */
  private seal(row: CallLogRow, sealed: Map<string, { phone: string | null; phoneHash: string | null }>): ContactInsertRow {
    const { phone, ...rest } = row;
    if (!phone) return { ...rest, phone: null, phoneHash: null };
    let protectedPhone = sealed.get(phone);
    if (!protectedPhone) {
      const index = this.phone.protect(phone);
      protectedPhone = { phone: index.phone === null ? null : activeFieldCipher().encryptText('hotline_contacts', 'phone', index.phone), phoneHash: index.phoneHash };
      sealed.set(phone, protectedPhone);
    }
    return { ...rest, ...protectedPhone };
  }
}
