import { Injectable } from '@nestjs/common';

/** The time as the referrals area sees it: one injectable source, so that tests can move it (deadlines, overdue). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
