import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { SERVICE_CATEGORY, ServiceCategory, ServiceProviderView } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { OptionChips } from '../../cases/option-chips';
import { OptionLabelsPipe } from '../../cases/option-label.pipe';
import { PlacesApi } from '../../cases/places.api';
import { AssistanceApi } from '../assistance.api';

/** `/admin/directorio-servicios`: the providers the service editor proposes, their categories and departments. */
@Component({
  selector: 'ruta-directory-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, FormError, OptionChips, OptionLabelsPipe],
  template: `
    <section class="page" aria-labelledby="directory-title">
      <h1 id="directory-title">{{ 'assistance.directory.title' | translate }}</h1>
      <p data-testid="directory-total">{{ 'assistance.directory.total' | translate: { total: providers().length } }}</p>
      <ul class="stack" data-testid="directory-list">
        @for (p of providers(); track p.id) {
          <li [class.muted]="!p.active">
            <strong>{{ p.name }}</strong> · {{ p.categories | rutaOptions: categories }} · {{ departmentNames(p.departmentCodes) }}
            @if (!p.active) { · {{ 'assistance.directory.inactive' | translate }} }
            <button mat-button type="button" (click)="edit(p)" [attr.data-testid]="'directory-edit-' + p.id">{{ 'assistance.directory.edit' | translate }}</button>
          </li>
        }
      </ul>
      <form class="stack" [formGroup]="form" (ngSubmit)="save()" data-testid="directory-form" aria-labelledby="directory-form-title">
        <h2 id="directory-form-title" class="section-title">{{ (editing() ? 'assistance.directory.editTitle' : 'assistance.directory.add') | translate }}</h2>
        <mat-form-field>
          <mat-label>{{ 'assistance.directory.name' | translate }}</mat-label>
          <input matInput required formControlName="name" data-testid="directory-name" />
          <mat-error>{{ form.controls.name.errors | rutaError }}</mat-error>
        </mat-form-field>
        <ruta-option-chips [control]="form.controls.categories" [list]="categories" label="assistance.directory.categories" testId="directory-categories" />
        <mat-form-field>
          <mat-label>{{ 'assistance.directory.departments' | translate }}</mat-label>
          <mat-select multiple formControlName="departmentCodes" data-testid="directory-departments">
            @for (d of departments(); track d.code) { <mat-option [value]="d.code">{{ d.name }}</mat-option> }
          </mat-select>
          <mat-hint>{{ 'assistance.directory.departmentsHint' | translate }}</mat-hint>
        </mat-form-field>
        <mat-checkbox formControlName="active">{{ 'assistance.directory.active' | translate }}</mat-checkbox>
        <ruta-form-error [message]="error()" />
        <div class="actions">
          @if (editing()) { <button mat-button type="button" (click)="edit(null)">{{ 'common.cancel' | translate }}</button> }
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="directory-save">{{ 'assistance.directory.save' | translate }}</button>
        </div>
      </form>
    </section>
  `,
})
export class DirectoryPage implements OnInit {
  private readonly api = inject(AssistanceApi);
  private readonly notifier = inject(Notifier);
  protected readonly categories = SERVICE_CATEGORY;
  protected readonly departments = toSignal(inject(PlacesApi).departments$, { initialValue: [] });
  protected readonly providers = signal<ServiceProviderView[]>([]);
  protected readonly editing = signal<ServiceProviderView | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    categories: [[] as string[]],
    departmentCodes: [[] as string[]],
    active: [true],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  ngOnInit(): void {
    this.load();
  }

  private load(): void {
    this.api.allProviders().subscribe({ next: (list) => this.providers.set(list), error: (e: unknown) => this.notifier.problem(e) });
  }

  /** "Whole country" when a provider lists no department. */
  protected departmentNames(codes: string[]): string {
    if (!codes.length) return '';
    const names = new Map(this.departments().map((d) => [d.code, d.name]));
    return codes.map((c) => names.get(c) ?? c).join(', ');
  }

  protected edit(provider: ServiceProviderView | null): void {
    this.editing.set(provider);
    this.form.reset(provider ? { name: provider.name, categories: provider.categories, departmentCodes: provider.departmentCodes, active: provider.active } : { active: true, categories: [], departmentCodes: [] });
  }

  protected save(): void {
    const v = this.form.getRawValue();
    const body = { name: v.name.trim(), categories: v.categories as ServiceCategory[], departmentCodes: v.departmentCodes, active: v.active };
    const editing = this.editing();
    this.submission.submit(() => (editing ? this.api.updateProvider(editing.id, { ...body, version: editing.version }) : this.api.createProvider(body)), {
      done: () => {
        this.notifier.info('assistance.directory.saved');
        this.edit(null);
        this.load();
      },
      stale: () => this.load(),
    });
  }
}
