// Intake's public face for the other case sub-features: the duplicate hints that link requests also show.
export * from './case-intake.module';
export * from './duplicates.service';
export * from './duplicates.repository';
