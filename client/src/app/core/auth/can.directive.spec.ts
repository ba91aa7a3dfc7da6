import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from './auth.store';
import { newMe } from './auth.testing';
import { CanDirective } from './can.directive';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CanDirective],
  template: `
    <button *rutaCan="'users:manage'" data-testid="manage">Gestionar</button>
    <ng-template [rutaCan]="['audit:read', 'audit:verify']"><span data-testid="audit">Auditoría</span></ng-template>
  `,
})
class Host {}

describe('CanDirective', () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return fixture;
  }
  const find = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`);

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  });

  it('shows what the role allows and hides the rest', async () => {
    TestBed.inject(AuthStore).setMe(newMe({}, ['audit:verify']));
    const fixture = await render();
    expect(find(fixture.nativeElement, 'manage')).toBeNull();
    expect(find(fixture.nativeElement, 'audit')).not.toBeNull();
  });

  it('follows the signed-in user as it changes', async () => {
    const auth = TestBed.inject(AuthStore);
    auth.setMe(newMe({}, ['users:manage']));
    const fixture = await render();
    expect(find(fixture.nativeElement, 'manage')).not.toBeNull();
    auth.setMe(null);
    await fixture.whenStable();
    expect(find(fixture.nativeElement, 'manage')).toBeNull();
  });
});
