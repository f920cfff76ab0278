/** Builds the browser mode's page into out/web and returns that folder. */
export function buildWeb(): Promise<string>;
