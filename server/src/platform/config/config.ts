import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s/]+\/[^\s/?]+(\?\S*)?$/;

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

  @IsString()
  RUTA_DATA_DIR = '.ruta-data';

  @Transform(({ value }) => (value === undefined || value === '' ? 54329 : Number(value)))
  @IsInt({ message: 'EMBEDDED_PG_PORT must be a whole number between 1024 and 65535' })
  @Min(1024, { message: 'EMBEDDED_PG_PORT must be a whole number between 1024 and 65535' })
  @Max(65535, { message: 'EMBEDDED_PG_PORT must be a whole number between 1024 and 65535' })
  EMBEDDED_PG_PORT = 54329;

  @IsString()
  CLIENT_DIR = 'dist/client/browser';

  /** 32 bytes as 64 hex characters; seals TOTP secrets. Required in production; elsewhere kept in RUTA_DATA_DIR. */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'RUTA_SECRET_KEY must be 64 hexadecimal characters (32 random bytes)' })
  RUTA_SECRET_KEY?: string;

  /** Demo mode: the default on embedded PostgreSQL, never with NODE_ENV=production. */
  get demo(): boolean {
    if (this.NODE_ENV === 'production') return false;
    if (this.DEMO !== undefined) return this.DEMO === 'true';
    return !this.DATABASE_URL;
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
  if (config.NODE_ENV === 'production' && !config.RUTA_SECRET_KEY) {
    throw new ConfigError('Invalid configuration: NODE_ENV=production needs RUTA_SECRET_KEY (64 hexadecimal characters)');
  }
  if (config.NODE_ENV === 'production' && !config.DATABASE_URL) {
    throw new ConfigError('Invalid configuration: NODE_ENV=production needs DATABASE_URL (embedded PostgreSQL is for development)');
  }
  return config;
}
