/** What `GET /api/health` returns, in the shape of @nestjs/terminus health checks. */
export interface HealthReport {
  status: 'ok' | 'error';
  info?: Record<string, { status: string }>;
  error?: Record<string, { status: string; message?: string }>;
  details?: Record<string, { status: string }>;
}
