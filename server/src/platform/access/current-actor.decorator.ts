import { createParamDecorator } from '@nestjs/common';
import { currentActor } from './request-context';

/** The authenticated Actor, as a handler parameter: `handler(@CurrentActor() actor: Actor)`. */
export const CurrentActor = createParamDecorator(() => currentActor());
