import type { HandlerMap } from '../router';
import type { Services } from '../services';
import { lazyHandlers } from './lazy';

/**
 * Every message type's handler: the type system checks that none is missing, and that each
 * module handles the types listed for it. A module of handlers is loaded on the first message
 * of one of its types (./lazy.ts), so a waking worker evaluates only what it is asked for.
 */
export function createHandlers(services: Services): HandlerMap {
  return {
    ...lazyHandlers(
      services,
      ['page/report', 'page/badges', 'page/checks', 'page/open-contact', 'page/activate'],
      () => import('./page').then((m) => m.pageHandlers),
    ),
    ...lazyHandlers(
      services,
      [
        'contacts/search',
        'contacts/get',
        'contacts/add',
        'contacts/update',
        'contacts/confirm-address',
        'focus/get',
        'focus/set',
      ],
      () => import('./contacts').then((m) => m.contactHandlers),
    ),
    ...lazyHandlers(
      services,
      [
        'deals/start',
        'deals/transition',
        'deals/fact',
        'deals/schedule',
        'deals/restart',
        'deals/due',
        'deals/board',
        'deals/metrics',
        'activities/add',
      ],
      () => import('./deals').then((m) => m.dealHandlers),
    ),
    ...lazyHandlers(
      services,
      [
        'data/backup',
        'data/restore-plan',
        'data/restore',
        'data/delete-all',
        'data/import-csv',
        'data/export-csv',
        'data/export-vcard',
        'data/import-vcard',
        'data/upload',
        'data/result',
        'data/upload-drop',
      ],
      () => import('./data').then((m) => m.dataHandlers),
    ),
    ...lazyHandlers(
      services,
      [
        'settings/get',
        'settings/set-locale',
        'settings/set-follow-up-days',
        'settings/save-profile',
        'settings/delete-profile',
        'settings/activate-profile',
      ],
      () => import('./settings').then((m) => m.settingsHandlers),
    ),
    ...lazyHandlers(services, ['jobs/list', 'jobs/cancel', 'jobs/resume'], () =>
      import('./jobs').then((m) => m.jobHandlers),
    ),
    ...lazyHandlers(services, ['tab/state', 'tab/scan', 'health/get', 'access/status', 'access/sync'], () =>
      import('./tab').then((m) => m.tabHandlers),
    ),
    ...lazyHandlers(
      services,
      [
        'contacts/duplicates',
        'contacts/merge',
        'contacts/forget-preview',
        'contacts/forget',
        'contacts/forget-undo',
        'contacts/record',
        'deals/edit',
        'deals/delete',
      ],
      () => import('./record').then((m) => m.recordHandlers),
    ),
    ...lazyHandlers(
      services,
      ['sync/status', 'sync/save', 'sync/disable', 'sync/now', 'sync/conflict', 'sync/resolve'],
      () => import('./sync').then((m) => m.syncHandlers),
    ),
    ...lazyHandlers(services, ['privacy/suppressed-count', 'privacy/unsuppress'], () =>
      import('./privacy').then((m) => m.privacyHandlers),
    ),
    ...lazyHandlers(services, ['threads/of-contact', 'threads/link'], () =>
      import('./threads').then((m) => m.threadHandlers),
    ),
    ...lazyHandlers(
      services,
      ['compose/templates', 'compose/fill', 'compose/sent', 'templates/get', 'templates/save'],
      () => import('./templates').then((m) => m.templateHandlers),
    ),
    ...lazyHandlers(
      services,
      ['questionnaire/wanted', 'questionnaire/reply', 'questionnaire/answers', 'questionnaire/settle'],
      () => import('./questionnaire').then((m) => m.questionnaireHandlers),
    ),
  };
}
