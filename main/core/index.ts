/**
 * The desktop core's one entry for its front ends (the Electron shell, the browser mode, the
 * CLI): the façade, its IPC handlers and the few helpers they share. Lint keeps them from
 * reaching past it into the cache, the calendar engine, the sync or the settings file.
 */
export { DesktopCore, type Delivery, type PostResult } from './desktop-core';
export { createCoreApi, type AppServices, type CoreHandlers } from './core-api';
export { diagnosticsText } from './diagnostics';
export { dispatch } from './ipc-dispatch';
export { startBackground } from './background';
export { askViews } from './view-models';
export { oneOffCalendars, type NewCalendar } from './calendar-service';
export { appInput, type ConnectCalendar, type SignInUi } from './provider-calendars';
export { systemBrowser } from '../calendar/providers/sign-in/open-browser';
export type { AvailabilityReport } from '../calendar/availability-engine';
export { defaultProfileDir } from '../profile/profile';
export { FileSecretStore, type SecretStore } from '../profile/secret-store';
export { writePrivateFile } from '../profile/private-files';
export { serverAddress } from '../sync/server-address';
export { useChromiumNetwork, useCompanyNetwork } from '../network/company-network';
