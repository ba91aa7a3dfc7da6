import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, DatabaseUrls, PlatformModule, RutaConfig } from '@ruta/platform';
import { IdentityModule } from '@ruta/identity';
import { PlacesModule } from '@ruta/places';
import { CasesModule } from '@ruta/cases';
import { ENTITIES } from './entities';

/** The areas of the API, in one list. A new area (referrals, assistance, ...) adds its module here. */
const AREAS = [IdentityModule, PlacesModule, CasesModule];

@Module({})
export class AppModule {
  static forRoot(config: RutaConfig, urls: DatabaseUrls): DynamicModule {
    const clientDir = resolve(config.CLIENT_DIR);
    const serveClient = existsSync(resolve(clientDir, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: clientDir, exclude: ['/api/{*path}'], serveStaticOptions: { index: 'index.html', maxAge: '1h' } })]
      : [];
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config, urls, ENTITIES), ...AREAS, ...serveClient],
      // Default deny on every route; identity provides the SessionAuthenticator it needs.
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
