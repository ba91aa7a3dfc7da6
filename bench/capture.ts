/** A request with this header has its SQL recorded by the benchmark server (bench/server.ts). */
export const CAPTURE_HEADER = 'x-bench-capture';

export interface CapturedStatement {
  /** Database role of the connection. */
  user: string;
  /** Which connection (statements of one connection run in order). */
  connection: number;
  text: string;
  values: unknown[];
  /** Ids and case codes among the values the statement returned (so a replay knows which values it did not invent). */
  returned: string[];
}
