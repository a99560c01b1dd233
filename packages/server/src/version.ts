declare const __SMARTC_SERVER_VERSION__: string | undefined;

/** This package's version (injected at build time; `0.0.0-dev` when running from source). */
export const SERVER_VERSION: string =
  typeof __SMARTC_SERVER_VERSION__ === 'string' ? __SMARTC_SERVER_VERSION__ : '0.0.0-dev';
