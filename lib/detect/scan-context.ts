import type { Visibility } from './dom';
import type { Region } from '../contacts/phone';

export interface ScanContext {
  base?: string;
  region?: Region;
  visibility: Visibility;
}
