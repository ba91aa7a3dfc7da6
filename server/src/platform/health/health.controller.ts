import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HealthReport } from '@ruta/shared';
import { Public } from '../access/access.decorators';
import { WithoutTransaction } from '../database/request-transaction.interceptor';
import { ServiceUnavailableError } from '../http/errors';

/** Readiness answers within 2 s whatever the database does: the ping gets this long, the rest is the HTTP round trip. */
export const READINESS_PING_TIMEOUT_MS = 1500;

/**
 * Liveness (the process answers; restart it if not) and readiness (the database answers; send it traffic). Neither runs
 * in the request transaction, which would wait for a connection before the check could even start.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** Readiness, under its historical name. */
  @Get()
  @Public()
  @WithoutTransaction()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness (same as /api/health/ready)' })
  check(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  @Get('ready')
  @Public()
  @WithoutTransaction()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: 200 when the database answers within 1.5 s, else 503' })
  ready(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  @Get('live')
  @Public()
  @WithoutTransaction()
  @ApiOperation({ summary: 'Liveness: 200 while the process answers; never touches the database' })
  live(): HealthReport {
    return { status: 'ok', info: {}, error: {}, details: {} };
  }

  private async readiness(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: READINESS_PING_TIMEOUT_MS })]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const report = error.getResponse() as HealthReport;
      throw new ServiceUnavailableError('database_unavailable', 'The database does not answer', { checks: report.details ?? report.error });
    }
  }
}
