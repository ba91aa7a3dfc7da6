import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AuthStore } from '../auth/auth.store';
import { newMe } from '../auth/auth.testing';
import { apiErrorInterceptor, errorsShownInPlace } from './api-error.interceptor';
import { Notifier } from './notifier';

describe('apiErrorInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;
  let unexpected: jest.Mock;

  beforeEach(() => {
    unexpected = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: Notifier, useValue: { unexpected, info: jest.fn() } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    TestBed.inject(AuthStore).setMe(newMe());
  });

  it('ends the session and goes to login on a 401 from the API', () => {
    http.get('/api/users').subscribe({ error: () => undefined });
    backend.expectOne('/api/users').flush({ code: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    expect(TestBed.inject(AuthStore).me()).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/ingresar');
  });

  it('leaves a 401 of the login form to the form', () => {
    http.post('/api/auth/login', {}).subscribe({ error: () => undefined });
    backend.expectOne('/api/auth/login').flush({ code: 'invalid_credentials' }, { status: 401, statusText: 'Unauthorized' });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('announces a server error with its request id', () => {
    http.get('/api/roles').subscribe({ error: () => undefined });
    backend.expectOne('/api/roles').flush({ code: 'internal', requestId: 'req-42' }, { status: 500, statusText: 'Error' });
    expect(unexpected).toHaveBeenCalledWith('req-42');
  });

  it('leaves a server error to a caller that shows it in place: one message, not a snack bar too', () => {
    let failed = false;
    http.post('/api/cases/search', {}, { context: errorsShownInPlace() }).subscribe({ error: () => (failed = true) });
    backend.expectOne('/api/cases/search').flush({ code: 'database_unavailable', requestId: 'req-43' }, { status: 503, statusText: 'Unavailable' });
    expect(failed).toBe(true);
    expect(unexpected).not.toHaveBeenCalled();
  });
});
