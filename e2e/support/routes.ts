import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, RouteAccess } from '@ruta/server/platform/access/access.decorators';

export interface DiscoveredRoute {
  key: string;
  method: string;
  path: string;
  access: RouteAccess | undefined;
}

function joinPath(...parts: string[]): string {
  return `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;
}

/** Every HTTP route of the application, found by reflection over the controllers (not from the OpenAPI document). */
export function discoverRoutes(app: INestApplication): DiscoveredRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prefix = Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string;
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const verb = RequestMethod[method];
      const fullPath = joinPath('api', prefix, path);
      const access = reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [handler as never, wrapper.metatype as never]);
      routes.push({ key: `${verb} ${fullPath}`, method: verb, path: fullPath, access });
    }
  }
  return routes;
}
