import { Injectable } from '@nestjs/common';
import { Actor } from '@ruta/platform';
import { PlannedTransition } from './case-state-machine';
import { CaseEntity } from './case.entity';

/**
 * What another area adds to the case status machine without the cases area knowing it (areas that build on cases —
 * assistance — register here at start-up). `before` may refuse a move by throwing a domain error; `after` runs in the
 * same transaction once the move is written.
 */
export interface CaseTransitionHook {
  before?(actor: Actor, found: CaseEntity, plan: PlannedTransition): Promise<void>;
  after?(actor: Actor, found: CaseEntity, plan: PlannedTransition, at: Date): Promise<void>;
}

@Injectable()
export class CaseTransitionHooks {
  private readonly hooks: CaseTransitionHook[] = [];

  register(hook: CaseTransitionHook): void {
    this.hooks.push(hook);
  }

  async before(actor: Actor, found: CaseEntity, plan: PlannedTransition): Promise<void> {
    for (const hook of this.hooks) await hook.before?.(actor, found, plan);
  }

  async after(actor: Actor, found: CaseEntity, plan: PlannedTransition, at: Date): Promise<void> {
    for (const hook of this.hooks) await hook.after?.(actor, found, plan, at);
  }
}
