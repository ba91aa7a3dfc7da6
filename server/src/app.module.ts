import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, DatabaseUrls, PlatformModule, RutaConfig } from '@ruta/platform';
import { IdentityModule } from '@ruta/identity';
import { PlacesModule } from '@ruta/places';
import { CasesModule } from '@ruta/cases';
import { ReferralsModule } from '@ruta/referrals';
import { ENTITIES } from './entities';
import { AssistanceModule } from '@ruta/assistance';
import { ProsecutionsModule } from '@ruta/prosecutions';
import { HotlineModule } from '@ruta/hotline';
import { IndicatorsModule } from '@ruta/indicators';
import { PrivacyModule } from '@ruta/privacy';

/** The areas of the API, in one list. A new area (referrals, assistance, ...) adds its module here. */
const AREAS = [IdentityModule, PlacesModule, CasesModule, ReferralsModule, AssistanceModule, ProsecutionsModule, HotlineModule, IndicatorsModule, PrivacyModule];

/** File names the client build stamps with a content hash (`main-ABCD1234.js`, `chunk-…`, `styles-…`, fonts under media/). */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css|woff2?|ttf)$/;

/**
 * Hashed assets never change under their name: cached for a year, immutable. Everything else (index.html, which names
 * the current hashes, and the SPA routes that answer with it) is revalidated on every load.
 */
export function clientCacheHeaders(res: { setHeader(name: string, value: string): unknown }, path: string): void {
  res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

@Module({})
export class AppModule {
  static forRoot(config: RutaConfig, urls: DatabaseUrls): DynamicModule {
    const clientDir = resolve(config.CLIENT_DIR);
    const serveClient = existsSync(resolve(clientDir, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: clientDir, exclude: ['/api/{*path}'], serveStaticOptions: { index: 'index.html', setHeaders: clientCacheHeaders } })]
      : [];
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config, urls, ENTITIES), ...AREAS, ...serveClient],
      // Default deny on every route; identity provides the SessionAuthenticator it needs.
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
