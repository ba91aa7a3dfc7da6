import { Inject, Injectable } from '@nestjs/common';
import { IndicatorKey } from '@ruta/shared';
import { INDICATOR_PROVIDERS, IndicatorDefinition, IndicatorProvider } from './indicator-definition';

/** Every indicator of every provider, by key; a key defined twice stops start-up. */
@Injectable()
export class IndicatorRegistry {
  private readonly byKey = new Map<IndicatorKey, IndicatorDefinition>();

  constructor(@Inject(INDICATOR_PROVIDERS) providers: IndicatorProvider[]) {
    for (const definition of providers.flatMap((p) => p.definitions)) {
      if (this.byKey.has(definition.key)) throw new Error(`Indicator ${definition.key} is defined twice`);
      this.byKey.set(definition.key, definition);
    }
  }

  all(): IndicatorDefinition[] {
    return [...this.byKey.values()];
  }

  get(key: IndicatorKey): IndicatorDefinition | undefined {
    return this.byKey.get(key);
  }
}
