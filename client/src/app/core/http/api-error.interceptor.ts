import { HttpContext, HttpContextToken, HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthStore, LOGIN_ROUTE } from '../auth/auth.store';
import { Notifier } from './notifier';
import { requestIdOf } from './problem';

/** Auth endpoints answer 401 for a wrong password or code: the form shows that, no redirect. */
const AUTH_API = '/api/auth/';

/**
 * A request whose caller shows its failure in place (a list's error line, a form's error): the snack bar stays away, so
 * the user reads one message, not two. Pass `{ context: errorsShownInPlace() }` to HttpClient.
 */
export const ERRORS_SHOWN_IN_PLACE = new HttpContextToken<boolean>(() => false);
export function errorsShownInPlace(): HttpContext {
  return new HttpContext().set(ERRORS_SHOWN_IN_PLACE, true);
}

/**
 * - 401 from any other API call: the session is gone, back to the login page (remembering where the user was);
 * - network failure or 5xx: a snack bar with the request id, unless the caller shows it in place. The error still
 *   reaches the caller.
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
          if (!request.url.endsWith('/api/health') && !request.context.get(ERRORS_SHOWN_IN_PLACE)) notifier.unexpected(requestIdOf(error));
        }
      }
      return throwError(() => error);
    }),
  );
};
