import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthStore, LOGIN_ROUTE } from '../auth/auth.store';
import { Notifier } from './notifier';
import { requestIdOf } from './problem';

/** Auth endpoints answer 401 for a wrong password or code: the form shows that, no redirect. */
const AUTH_API = '/api/auth/';

/**
 * - 401 from any other API call: the session is gone, back to the login page (remembering where the user was);
 * - network failure or 5xx: a snack bar with the request id. The error still reaches the caller.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  const notifier = inject(Notifier);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse) {
        if (error.status === 401 && !request.url.includes(AUTH_API)) {
          auth.returnUrl = router.url;
          auth.endSession('login.sessionExpired');
          void router.navigateByUrl(LOGIN_ROUTE);
        } else if (error.status === 0 || error.status >= 500) {
          if (!request.url.endsWith('/api/health')) notifier.unexpected(requestIdOf(error));
        }
      }
      return throwError(() => error);
    }),
  );
};
