// Consents' public face for the other case sub-features: the consent gate.
export * from './consents.module';
export * from './consents.service';
export * from './dto/consent.dto';
