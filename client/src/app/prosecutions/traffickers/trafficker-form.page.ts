import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CreateTraffickerResponse, DEFENDANT_SEX, DefendantSex, TRAFFICKER_KIND, TRAFFICKER_ROLE, TraffickerKind, TraffickerRole } from '@ruta/shared';
import { CountrySelect } from '../../cases/country-select';
import { OptionChips } from '../../cases/option-chips';
import { OptionSelect } from '../../cases/option-select';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { ProsecutionsApi } from '../prosecutions.api';

/** `/judicializacion/perfiles/nuevo`: an alleged trafficker (person or organisation), then the possible duplicates. */
@Component({
  selector: 'ruta-trafficker-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, FormError, OptionSelect, OptionChips, CountrySelect],
  template: `
    <section class="page">
      <div class="page-header"><h1 tabindex="-1">{{ 'prosecutions.newTrafficker' | translate }}</h1></div>
      @if (created(); as c) {
        <p data-testid="trafficker-created">{{ 'prosecutions.traffickerCreated' | translate }} <a [routerLink]="['/judicializacion/perfiles', c.trafficker.id]">{{ c.trafficker.name }}</a></p>
        @if (c.possibleDuplicates.length) {
          <p class="notice">{{ 'prosecutions.possibleDuplicates' | translate }}</p>
          <ul data-testid="trafficker-duplicates">
            @for (d of c.possibleDuplicates; track d.id) {
              <li><a [routerLink]="['/judicializacion/perfiles', d.id]">{{ d.name }}</a> · {{ 'prosecutions.duplicateBy.' + d.reason | translate }}</li>
            }
          </ul>
        }
      } @else {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate class="stack form">
          <ruta-option-select [control]="form.controls.kind" [list]="kinds" label="prosecutions.kind" testId="trafficker-kind" [required]="true" />
          <mat-form-field>
            <mat-label>{{ 'prosecutions.name' | translate }}</mat-label>
            <input matInput formControlName="name" required maxlength="200" autocomplete="off" data-testid="trafficker-name" />
            <mat-error>{{ form.controls.name.errors | rutaError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'prosecutions.aliases' | translate }}</mat-label>
            <input matInput formControlName="aliases" maxlength="500" autocomplete="off" />
            <mat-hint>{{ 'prosecutions.aliasesHint' | translate }}</mat-hint>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'prosecutions.document' | translate }}</mat-label>
            <input matInput formControlName="documentNumber" maxlength="40" autocomplete="off" />
          </mat-form-field>
          <ruta-country-select [control]="form.controls.nationality" label="prosecutions.nationality" testId="trafficker-nationality" />
          <ruta-option-select [control]="form.controls.sex" [list]="sexes" label="prosecutions.sex" testId="trafficker-sex" />
          <ruta-option-chips [control]="form.controls.roles" [list]="roles" label="prosecutions.roles" testId="trafficker-roles" />
          <mat-form-field>
            <mat-label>{{ 'prosecutions.relationToVictim' | translate }}</mat-label>
            <input matInput formControlName="relationToVictim" maxlength="500" />
          </mat-form-field>
          <ruta-form-error [message]="error()" />
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="trafficker-save">{{ 'common.save' | translate }}</button>
            <a mat-button routerLink="/judicializacion">{{ 'common.cancel' | translate }}</a>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .form { max-width: 640px; }
    .actions { display: flex; gap: 8px; }
  `,
})
export class TraffickerFormPage {
  private readonly api = inject(ProsecutionsApi);
  protected readonly kinds = TRAFFICKER_KIND;
  protected readonly sexes = DEFENDANT_SEX;
  protected readonly roles = TRAFFICKER_ROLE;
  protected readonly created = signal<CreateTraffickerResponse | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: ['person', [Validators.required]],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    aliases: [''],
    documentNumber: ['', [Validators.maxLength(40)]],
    nationality: [''],
    sex: [''],
    roles: [[] as string[]],
    relationToVictim: ['', [Validators.maxLength(500)]],
  });
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const v = this.form.getRawValue();
    this.submission.submit(
      () =>
        this.api.createTrafficker({
          kind: v.kind as TraffickerKind,
          name: v.name.trim(),
          aliases: v.aliases.split(',').map((a) => a.trim()).filter(Boolean),
          roles: v.roles as TraffickerRole[],
          ...(v.documentNumber.trim() ? { documentNumber: v.documentNumber.trim() } : {}),
          ...(v.nationality ? { nationality: v.nationality } : {}),
          ...(v.sex ? { sex: v.sex as DefendantSex } : {}),
          ...(v.relationToVictim.trim() ? { relationToVictim: v.relationToVictim.trim() } : {}),
        }),
      { done: (response) => this.created.set(response) },
    );
  }
}
