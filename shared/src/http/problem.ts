/** RFC 9457 problem details as Ruta's API returns them for every error. */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `victim.birthDate`. */
  field: string;
  /** Stable machine code, e.g. `isEnum`, `maxLength`; the client translates it. */
  code: string;
  /** English fallback message; never contains the submitted value. */
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  /** Stable machine code of the error, e.g. `validation_failed`, `not_found`, `stale_version`. */
  code: string;
  detail?: string;
  requestId: string;
  errors?: FieldError[];
  /** RFC 9457 extension members, e.g. `currentVersion` and `changedFields` of a `stale_version` conflict. */
  [extension: string]: unknown;
}
