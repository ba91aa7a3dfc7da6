import { Directive, effect, inject, input, TemplateRef, ViewContainerRef } from '@angular/core';
import { Permission } from '@ruta/shared';
import { AuthStore } from './auth.store';

/**
 * Renders its template only when the user holds at least one of the permissions:
 * `<button *rutaCan="'users:manage'">` or `<ng-template [rutaCan]="['audit:read', 'audit:verify']">`.
 * For comfort only: the server decides.
 */
@Directive({ selector: '[rutaCan]' })
export class CanDirective {
  readonly rutaCan = input.required<Permission | readonly Permission[]>();

  private readonly template = inject(TemplateRef<unknown>);
  private readonly container = inject(ViewContainerRef);
  private readonly auth = inject(AuthStore);
  private shown = false;

  constructor() {
    effect(() => {
      const allowed = this.auth.can(this.rutaCan());
      if (allowed && !this.shown) this.container.createEmbeddedView(this.template);
      if (!allowed && this.shown) this.container.clear();
      this.shown = allowed;
    });
  }
}
