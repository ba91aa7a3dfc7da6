import { join } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { isIP } from 'node:net';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync, ValidateBy } from 'class-validator';
import type { DatabaseTimeouts } from '../database/database-timeouts';

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s/]+\/[^\s/?]+(\?\S*)?$/;

const TRUST_PROXY_MESSAGE = 'TRUST_PROXY must be false, a hop count from 1 to 10, or a comma-separated list of proxy addresses or CIDR ranges';
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Express's `trust proxy` setting: false (unset, empty or `false`), a hop count, or the proxies'
 * addresses (IPv4/IPv6, CIDR ranges, `loopback`, `linklocal`, `uniquelocal`); undefined when the value is none of these.
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] | undefined {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text) <= 10 ? Number(text) : undefined;
  const entries = text.split(',').map((e) => e.trim());
  const valid = (entry: string) => {
    if (PROXY_NAMES.has(entry)) return true;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    if (!family || extra !== undefined) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  };
  return entries.every(valid) ? entries : undefined;
}

/** A whole number from the environment, with its default when unset. */
const wholeNumber = (fallback: number) => Transform(({ value }) => (value === undefined || value === '' ? fallback : Number(value)));

/** Environment variables Ruta reads. README's configuration table mirrors this class. */
export class RutaConfig {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'PORT must be a whole number between 1 and 65535' })
  @Min(1, { message: 'PORT must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'PORT must be a whole number between 1 and 65535' })
  PORT = 3000;

  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must look like postgres://user:password@host:5432/database' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'DATABASE_APP_URL must look like postgres://ruta_app:password@host:5432/database' })
  DATABASE_APP_URL?: string;

  /** The system role's URL (login look-ups, the audit sealer); goes with DATABASE_APP_URL. */
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'DATABASE_SYSTEM_URL must look like postgres://ruta_system:password@host:5432/database' })
  DATABASE_SYSTEM_URL?: string;

  @IsIn(['development', 'production', 'test'], { message: 'NODE_ENV must be development, production or test' })
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(['true', 'false'], { message: 'DEMO must be true or false' })
  @IsOptional()
  DEMO?: 'true' | 'false';

  @IsString()
  @MinLength(12, { message: 'DEMO_PASSWORD must have at least 12 characters' })
  DEMO_PASSWORD = 'ruta-demo-2026';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL is not a pino level' })
  LOG_LEVEL = 'info';

  /** Longest one SQL statement may run before PostgreSQL cancels it and the request answers 503. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10_000 : Number(value)))
  @IsInt({ message: 'DATABASE_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds between 100 and 600000' })
  @Min(100, { message: 'DATABASE_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds between 100 and 600000' })
  @Max(600_000, { message: 'DATABASE_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds between 100 and 600000' })
  DATABASE_STATEMENT_TIMEOUT_MS = 10_000;

  /** Longest a request waits for a database connection (pooled, or a new one opening) before it answers 503. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5_000 : Number(value)))
  @IsInt({ message: 'DATABASE_ACQUIRE_TIMEOUT_MS must be a whole number of milliseconds between 100 and 60000' })
  @Min(100, { message: 'DATABASE_ACQUIRE_TIMEOUT_MS must be a whole number of milliseconds between 100 and 60000' })
  @Max(60_000, { message: 'DATABASE_ACQUIRE_TIMEOUT_MS must be a whole number of milliseconds between 100 and 60000' })
  DATABASE_ACQUIRE_TIMEOUT_MS = 5_000;

  /** Longest a transaction may sit idle holding its locks before PostgreSQL ends its session. */
  @Transform(({ value }) => (value === undefined || value === '' ? 15_000 : Number(value)))
  @IsInt({ message: 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  @Min(1000, { message: 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  @Max(3_600_000, { message: 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  /** How long an unused pooled connection stays open (a new one starts with cold caches and unprepared statements). */
  @Transform(({ value }) => (value === undefined || value === '' ? 300_000 : Number(value)))
  @IsInt({ message: 'DATABASE_POOL_IDLE_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 86400000' })
  @Min(1000, { message: 'DATABASE_POOL_IDLE_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 86400000' })
  @Max(86_400_000, { message: 'DATABASE_POOL_IDLE_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 86400000' })
  DATABASE_POOL_IDLE_TIMEOUT_MS = 300_000;

  /** The database timeouts, as the application's connection pools take them. */
  get databaseTimeouts(): DatabaseTimeouts {
    return {
      statementMs: this.DATABASE_STATEMENT_TIMEOUT_MS,
      acquireMs: this.DATABASE_ACQUIRE_TIMEOUT_MS,
      idleInTransactionMs: this.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      poolIdleMs: this.DATABASE_POOL_IDLE_TIMEOUT_MS,
    };
  }

  @IsString()
  RUTA_DATA_DIR = '.ruta-data';

  @Transform(({ value }) => (value === undefined || value === '' ? 54329 : Number(value)))
  @IsInt({ message: 'EMBEDDED_PG_PORT must be a whole number between 1024 and 65535' })
  @Min(1024, { message: 'EMBEDDED_PG_PORT must be a whole number between 1024 and 65535' })
  @Max(65535, { message: 'EMBEDDED_PG_PORT must be a whole number between 1024 and 65535' })
  EMBEDDED_PG_PORT = 54329;

  /** Where embedded PostgreSQL keeps its cluster (and, if needed, a copy of its binaries); default RUTA_DATA_DIR. */
  @IsOptional()
  @IsString()
  EMBEDDED_PG_DIR?: string;

  @IsString()
  CLIENT_DIR = 'dist/client/browser';

  /** Append-only file where the audit sealer exports the chain head; keep it (or a copy) away from the database. */
  @IsOptional()
  @IsString()
  AUDIT_ANCHOR_FILE?: string;

  /** 32 bytes as 64 hex characters; seals TOTP secrets. Required in production; elsewhere kept in RUTA_DATA_DIR. */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'RUTA_SECRET_KEY must be 64 hexadecimal characters (32 random bytes)' })
  RUTA_SECRET_KEY?: string;

  /**
   * Which proxies may name the client in X-Forwarded-For (client address of the throttler, the audit trail and the
   * sessions). Off by default: a request's address is its TCP peer's, whatever headers it sends.
   */
  @IsOptional()
  @ValidateBy({ name: 'trustProxy', validator: { validate: (value) => parseTrustProxy(value) !== undefined, defaultMessage: () => TRUST_PROXY_MESSAGE } })
  TRUST_PROXY?: string;

  /** Duplicate checks (`POST /api/cases/duplicates`) one user may run in an hour. */
  @wholeNumber(30)
  @IsInt({ message: 'DUPLICATE_CHECKS_PER_HOUR must be a whole number between 1 and 1000' })
  @Min(1, { message: 'DUPLICATE_CHECKS_PER_HOUR must be a whole number between 1 and 1000' })
  @Max(1000, { message: 'DUPLICATE_CHECKS_PER_HOUR must be a whole number between 1 and 1000' })
  DUPLICATE_CHECKS_PER_HOUR = 30;

  /** Documents one user may upload in ten minutes. */
  @wholeNumber(20)
  @IsInt({ message: 'DOCUMENT_UPLOADS_PER_10_MIN must be a whole number between 1 and 1000' })
  @Min(1, { message: 'DOCUMENT_UPLOADS_PER_10_MIN must be a whole number between 1 and 1000' })
  @Max(1000, { message: 'DOCUMENT_UPLOADS_PER_10_MIN must be a whole number between 1 and 1000' })
  DOCUMENT_UPLOADS_PER_10_MIN = 20;

  /** Total size of the documents of one case, in MiB. */
  @wholeNumber(100)
  @IsInt({ message: 'CASE_DOCUMENTS_MAX_MB must be a whole number between 10 and 10240' })
  @Min(10, { message: 'CASE_DOCUMENTS_MAX_MB must be a whole number between 10 and 10240' })
  @Max(10240, { message: 'CASE_DOCUMENTS_MAX_MB must be a whole number between 10 and 10240' })
  CASE_DOCUMENTS_MAX_MB = 100;

  /** Where referral e-mails go out (`smtp://user:pass@host:587`, `smtps://...`); unset = no e-mail (the default). */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Ruta <no-reply@ruta.invalid>';

  /** The address users open Ruta at, for the links in e-mails. */
  @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_URL must be an http(s) address' })
  PUBLIC_URL = 'http://localhost:3000';

  /** How often each instance tries the referral deadline job (one instance at a time runs it); 0 turns it off. */
  @wholeNumber(60)
  @IsInt({ message: 'REFERRAL_DEADLINE_CHECK_SECONDS must be a whole number between 0 and 86400' })
  @Min(0, { message: 'REFERRAL_DEADLINE_CHECK_SECONDS must be a whole number between 0 and 86400' })
  @Max(86400, { message: 'REFERRAL_DEADLINE_CHECK_SECONDS must be a whole number between 0 and 86400' })
  REFERRAL_DEADLINE_CHECK_SECONDS = 60;

  /**
   * How often the indicator snapshots (the whole centre's figures of this year and last, the coordinator's dashboard)
   * are computed again, by one instance at a time; served while younger than twice this, computed live otherwise.
   * 0 turns the job off and every figure is computed live.
   */
  @wholeNumber(300)
  @IsInt({ message: 'INDICATOR_SNAPSHOT_SECONDS must be a whole number between 0 and 86400' })
  @Min(0, { message: 'INDICATOR_SNAPSHOT_SECONDS must be a whole number between 0 and 86400' })
  @Max(86400, { message: 'INDICATOR_SNAPSHOT_SECONDS must be a whole number between 0 and 86400' })
  INDICATOR_SNAPSHOT_SECONDS = 300;

  /** `off` stops this instance's export job timer (the indicators area's background exports; tests run it by hand). */
  @IsIn(['on', 'off'], { message: 'RUTA_EXPORT_JOB must be on or off' })
  RUTA_EXPORT_JOB: 'on' | 'off' = 'on';

  /** TRUST_PROXY as Express's `trust proxy` setting. */
  get trustProxy(): false | number | string[] {
    return parseTrustProxy(this.TRUST_PROXY) ?? false;
  }

  /** Demo mode: the default on embedded PostgreSQL, never with NODE_ENV=production. */
  get demo(): boolean {
    if (this.NODE_ENV === 'production') return false;
    if (this.DEMO !== undefined) return this.DEMO === 'true';
    return !this.DATABASE_URL;
  }

  /** AUDIT_ANCHOR_FILE, by default `audit-anchors.jsonl` in RUTA_DATA_DIR. */
  get auditAnchorFile(): string {
    return this.AUDIT_ANCHOR_FILE ?? join(this.RUTA_DATA_DIR, 'audit-anchors.jsonl');
  }
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError with one clear line naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RutaConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(RutaConfig, present, { excludeExtraneousValues: false });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new ConfigError(`Invalid configuration: ${[...new Set(messages)].join('; ')}`);
  }
  if (Boolean(config.DATABASE_APP_URL) !== Boolean(config.DATABASE_SYSTEM_URL)) {
    throw new ConfigError('Invalid configuration: DATABASE_APP_URL and DATABASE_SYSTEM_URL go together (the application and the system role)');
  }
  if (config.NODE_ENV === 'production' && !config.RUTA_SECRET_KEY) {
    throw new ConfigError('Invalid configuration: NODE_ENV=production needs RUTA_SECRET_KEY (64 hexadecimal characters)');
  }
  if (config.NODE_ENV === 'production' && !config.DATABASE_URL) {
    throw new ConfigError('Invalid configuration: NODE_ENV=production needs DATABASE_URL (embedded PostgreSQL is for development)');
  }
  if (config.NODE_ENV === 'production' && config.DEMO === 'true') {
    // Demo accounts share a published password and TOTP secret, which start-up prints.
    throw new ConfigError('Invalid configuration: DEMO=true is refused with NODE_ENV=production (demo accounts have a published password)');
  }
  const appUser = urlUser(config.DATABASE_APP_URL);
  if (config.NODE_ENV === 'production' && appUser && (appUser === 'postgres' || appUser === urlUser(config.DATABASE_URL))) {
    throw new ConfigError(
      `Invalid configuration: with NODE_ENV=production DATABASE_APP_URL must not connect as ${appUser === 'postgres' ? 'the superuser postgres' : `the owner of DATABASE_URL (${appUser})`}: row-level security would not bind it; use the role ruta_app`,
    );
  }
  return config;
}

function urlUser(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).username) || undefined;
  } catch {
    return undefined;
  }
}
