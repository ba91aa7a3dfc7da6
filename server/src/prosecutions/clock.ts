import { Injectable } from '@nestjs/common';

/** The time as the prosecutions area sees it: one injectable source (NUNC years, stage dates), so tests can move it. */
@Injectable()
export class ProsecutionsClock {
  now(): Date {
    return new Date();
  }
}
