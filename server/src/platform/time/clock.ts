import { Injectable } from '@nestjs/common';

/**
 * The time as Ruta sees it: one injectable source for the whole application (deadlines, legal timers, NUNC years,
 * export expiry), provided once by the platform so that a test moves every area's time by moving this one.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
