import { HttpResponse } from '@angular/common/http';
import { AccessChangeRequestView } from '@ruta/shared';
import { map, OperatorFunction } from 'rxjs';

/** What a role or user change came to: applied at once, or waiting for a second administrator (202 Accepted). */
export type AccessChangeOutcome<T> = { kind: 'applied'; value: T } | { kind: 'pending'; request: AccessChangeRequestView };

/** Reads the status of a full response: 202 is a filed request, anything else the change applied. */
export function toOutcome<T>(): OperatorFunction<HttpResponse<T | AccessChangeRequestView>, AccessChangeOutcome<T>> {
  return map((response) =>
    response.status === 202 ? { kind: 'pending', request: response.body as AccessChangeRequestView } : { kind: 'applied', value: response.body as T },
  );
}
