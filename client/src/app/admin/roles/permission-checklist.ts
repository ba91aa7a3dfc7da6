import { ChangeDetectionStrategy, Component, computed, model } from '@angular/core';
import { MatCheckboxChange, MatCheckboxModule } from '@angular/material/checkbox';
import { TranslatePipe } from '@ngx-translate/core';
import { ALL_PERMISSIONS, Permission, permissionResource } from '@ruta/shared';

export interface PermissionGroup {
  resource: string;
  permissions: Permission[];
}

/** Every permission, grouped by resource in the order of the shared list. */
export function groupPermissions(permissions: readonly Permission[] = ALL_PERMISSIONS): PermissionGroup[] {
  const groups = new Map<string, Permission[]>();
  for (const permission of permissions) {
    const resource = permissionResource(permission);
    groups.set(resource, [...(groups.get(resource) ?? []), permission]);
  }
  return [...groups].map(([resource, list]) => ({ resource, permissions: list }));
}

/** The role editor's checklist: one fieldset per resource, a checkbox per permission. */
@Component({
  selector: 'ruta-permission-checklist',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCheckboxModule, TranslatePipe],
  styles: `
    .groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 8px 16px; }
    fieldset { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; margin: 0; padding: 4px 8px 8px; }
    legend { font-weight: 500; padding: 0 4px; }
    mat-checkbox { display: block; }
  `,
  template: `
    <div class="groups">
      @for (group of groups; track group.resource) {
        <fieldset [attr.data-testid]="'permission-group-' + group.resource">
          <legend>{{ 'permissionResources.' + group.resource | translate }}</legend>
          @for (permission of group.permissions; track permission) {
            <mat-checkbox
              [checked]="selected().has(permission)"
              (change)="toggle(permission, $event)"
              [attr.data-testid]="'permission-' + permission"
            >
              {{ 'permissions.' + permission | translate }}
            </mat-checkbox>
          }
        </fieldset>
      }
    </div>
  `,
})
export class PermissionChecklist {
  readonly value = model.required<readonly Permission[]>();

  protected readonly groups = groupPermissions();
  protected readonly selected = computed(() => new Set(this.value()));

  protected toggle(permission: Permission, event: MatCheckboxChange): void {
    const next = new Set(this.value());
    if (event.checked) next.add(permission);
    else next.delete(permission);
    // Keep the shared list's order.
    this.value.set(ALL_PERMISSIONS.filter((p) => next.has(p)));
  }
}
