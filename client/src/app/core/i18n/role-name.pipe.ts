import { inject, Pipe, PipeTransform } from '@angular/core';
import { LanguageService } from './language.service';

/** A role's name in the interface language: `{{ user.role | roleName }}`. */
@Pipe({ name: 'roleName', pure: false })
export class RoleNamePipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(role: { nameEs: string; nameEn: string } | null | undefined): string {
    if (!role) return '';
    return this.language.current() === 'en' ? role.nameEn : role.nameEs;
  }
}
