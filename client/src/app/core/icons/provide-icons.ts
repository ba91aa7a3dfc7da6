import { EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { RUTA_ICONS } from './icons';

/** Registers every icon of `RUTA_ICONS` with Material's registry, so `<mat-icon svgIcon="edit" />` needs no request. */
export function provideRutaIcons(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const registry = inject(MatIconRegistry);
    const sanitizer = inject(DomSanitizer);
    for (const [name, svg] of Object.entries(RUTA_ICONS)) {
      // The markup comes from the bundled npm package (a build input), never from users or the network.
      registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(svg));
    }
  });
}
