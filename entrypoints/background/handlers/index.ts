import type { HandlerMap } from '../router';
import type { Services } from '../services';
import { contactHandlers } from './contacts';
import { dataHandlers } from './data';
import { dealHandlers } from './deals';
import { jobHandlers } from './jobs';
import { pageHandlers } from './page';
import { settingsHandlers } from './settings';
import { recordHandlers } from './record';
import { syncHandlers } from './sync';
import { tabHandlers } from './tab';
import { threadHandlers } from './threads';
import { templateHandlers } from './templates';
import { questionnaireHandlers } from './questionnaire';

/** Every message type's handler: the type system checks that none is missing. */
export function createHandlers(services: Services): HandlerMap {
  return {
    ...pageHandlers(services),
    ...contactHandlers(services),
    ...dealHandlers(services),
    ...dataHandlers(services),
    ...settingsHandlers(services),
    ...jobHandlers(services),
    ...tabHandlers(services),
    ...recordHandlers(services),
    ...syncHandlers(services),
    ...threadHandlers(services),
    ...templateHandlers(services),
    ...questionnaireHandlers(services),
  };
}
