import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { HOTLINE_CALL_TYPE, HOTLINE_CHANNEL, HOTLINE_STATUS, HotlineCallType, HotlineContactListItem, HotlineStatus } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { CanDirective } from '../../core/auth/can.directive';
import { CursorList } from '../../core/http/cursor-list';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { ListSummary, PageSize } from '../../core/layout/list-summary';
import { HotlineApi } from '../hotline.api';
import { HotlineStatsCard } from './hotline-stats-card';

/** `/linea`: the contacts (filters, order, total, pages), the way to log a call or import logs, and the statistics. */
@Component({
  selector: 'ruta-hotline-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, MatTableModule, RouterLink, TranslatePipe, OptionLabelPipe, CanDirective, ListSummary, HotlineStatsCard],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 tabindex="-1">{{ 'hotline.title' | translate }}</h1>
        <div class="actions" *rutaCan="'hotline:manage'">
          <a mat-flat-button routerLink="/linea/nueva" data-testid="hotline-new-call"><mat-icon svgIcon="phone_in_talk" />{{ 'hotline.newCall' | translate }}</a>
          <a mat-stroked-button routerLink="/linea/importar" data-testid="hotline-import"><mat-icon svgIcon="upload_file" />{{ 'hotline.importLogs' | translate }}</a>
        </div>
      </div>
      <div class="filters">
        <mat-form-field>
          <mat-label>{{ 'hotline.filterStatus' | translate }}</mat-label>
          <mat-select [ngModel]="status()" (ngModelChange)="status.set($event); list.reload()" data-testid="filter-status">
            <mat-option value="">{{ 'hotline.all' | translate }}</mat-option>
            @for (s of statuses.values; track s) { <mat-option [value]="s">{{ s | rutaOption: statuses }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hotline.filterCallType' | translate }}</mat-label>
          <mat-select [ngModel]="callType()" (ngModelChange)="callType.set($event); list.reload()" data-testid="filter-call-type">
            <mat-option value="">{{ 'hotline.all' | translate }}</mat-option>
            @for (t of callTypes.values; track t) { <mat-option [value]="t">{{ t | rutaOption: callTypes }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hotline.sort' | translate }}</mat-label>
          <mat-select [ngModel]="direction()" (ngModelChange)="direction.set($event); list.reload()" data-testid="filter-direction">
            <mat-option value="desc">{{ 'hotline.newest' | translate }}</mat-option>
            <mat-option value="asc">{{ 'hotline.oldest' | translate }}</mat-option>
          </mat-select>
        </mat-form-field>
      </div>
      <ruta-list-summary [total]="list.total()" [nouns]="nouns" [pageSize]="pageSize()" (pageSizeChange)="pageSize.set($event); list.reload()" />
      <div class="table-wrap">
        <table mat-table [dataSource]="list.items()" class="responsive-table" data-testid="hotline-list" [attr.data-loaded]="list.loaded()">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef>{{ 'hotline.columns.code' | translate }}</th>
            <td mat-cell *matCellDef="let r" [attr.data-label]="'hotline.columns.code' | translate"><a [routerLink]="['/linea', r.id]">{{ r.code }}</a></td>
          </ng-container>
          <ng-container matColumnDef="startedAt">
            <th mat-header-cell *matHeaderCellDef>{{ 'hotline.columns.startedAt' | translate }}</th>
            <td mat-cell *matCellDef="let r" [attr.data-label]="'hotline.columns.startedAt' | translate">{{ r.startedAt | date: 'short' : undefined : locales[language.current()] }}</td>
          </ng-container>
          <ng-container matColumnDef="callType">
            <th mat-header-cell *matHeaderCellDef>{{ 'hotline.columns.callType' | translate }}</th>
            <td mat-cell *matCellDef="let r" [attr.data-label]="'hotline.columns.callType' | translate">{{ r.callType | rutaOption: callTypes }}</td>
          </ng-container>
          <ng-container matColumnDef="channel">
            <th mat-header-cell *matHeaderCellDef>{{ 'hotline.columns.channel' | translate }}</th>
            <td mat-cell *matCellDef="let r" [attr.data-label]="'hotline.columns.channel' | translate">{{ r.channel | rutaOption: channels }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>{{ 'hotline.columns.status' | translate }}</th>
            <td mat-cell *matCellDef="let r" [attr.data-label]="'hotline.columns.status' | translate">{{ r.status | rutaOption: statuses }}</td>
          </ng-container>
          <ng-container matColumnDef="caseCode">
            <th mat-header-cell *matHeaderCellDef>{{ 'hotline.columns.caseCode' | translate }}</th>
            <td mat-cell *matCellDef="let r" [attr.data-label]="'hotline.columns.caseCode' | translate">{{ r.caseCode ?? ('hotline.noCase' | translate) }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
      @if (list.loaded() && !list.items().length) { <p class="muted">{{ 'hotline.empty' | translate }}</p> }
      @if (list.nextCursor()) {
        <button mat-stroked-button type="button" (click)="list.more()" data-testid="hotline-more">{{ 'hotline.more' | translate }}</button>
      }
      <ruta-hotline-stats-card />
    </section>
  `,
  styles: `
    .page-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; }
    .actions, .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; }
  `,
})
export class HotlineDashboardPage implements OnInit {
  private readonly api = inject(HotlineApi);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly statuses = HOTLINE_STATUS;
  protected readonly callTypes = HOTLINE_CALL_TYPE;
  protected readonly channels = HOTLINE_CHANNEL;
  protected readonly columns = ['code', 'startedAt', 'callType', 'channel', 'status', 'caseCode'];
  protected readonly nouns = { one: 'hotline.total.one', other: 'hotline.total.other', more: 'hotline.total.more' };
  protected readonly status = signal<HotlineStatus | ''>('');
  protected readonly callType = signal<HotlineCallType | ''>('');
  protected readonly direction = signal<'asc' | 'desc'>('desc');
  protected readonly pageSize = signal<PageSize>(25);
  protected readonly list = new CursorList<HotlineContactListItem>((cursor) =>
    this.api.list({ status: this.status() || undefined, callType: this.callType() || undefined, direction: this.direction(), limit: this.pageSize(), cursor }),
  );

  ngOnInit(): void {
    this.list.reload();
  }
}
