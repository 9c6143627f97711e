/** Debian's Chromium (`apt-get install -y chromium`) unless $PETROV_CHROMIUM says otherwise. */
export const CHROMIUM_PATH = process.env.PETROV_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The flags that keep Chromium headless, quiet and offline in a container (toolchain notes): for
 * `report --pdf` and the browser tests alike.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
