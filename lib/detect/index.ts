export * from './types';
export { detectContacts, detectPageLevel, type DetectOptions } from './detect';
export { guessRegion } from './region';
export { looksLikePersonName } from '../text/person-name';
export { splitTitleCompany } from '../text/title-company';
export { combineContacts } from './merge';
export { contactFromText } from './selection';
export { createScanner, observeChanges, type Scanner, type ScannerStats, type ScanUpdate } from './scanner';
