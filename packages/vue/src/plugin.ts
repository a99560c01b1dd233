import { errorFromCode } from '@smartc/core';
import { Call, type CallOptions } from '@smartc/mesh';
import type { App, Plugin } from 'vue';
import { CALL_KEY } from './callContext.js';

/**
 * Options of {@link SmaRTCPlugin}: a {@link Call} of yours (`{ call }`; you dispose it), or the options to create
 * one (the plugin disposes it when the app unmounts, on Vue 3.5+).
 */
export type SmaRTCPluginOptions = { call: Call } | CallOptions;

/** `app.onUnmount` exists from Vue 3.5; the peer range starts at 3.4. */
type AppWithUnmountHook = Omit<App, 'onUnmount'> & { onUnmount?: (cleanup: () => void) => void };

/**
 * The Vue plugin: provides one {@link Call} to the whole app, for every composable and component of
 * `@smartc/vue` to find. For a call per page or per component, use {@link provideCall} instead.
 *
 * @example
 * import { Call } from '@smartc/mesh';
 * import { SmaRTCPlugin } from '@smartc/vue';
 * import { createApp } from 'vue';
 * import App from './App.vue';
 *
 * const call = new Call({ serverUrl: location.origin, username: 'alice' });
 * createApp(App).use(SmaRTCPlugin, { call }).mount('#app');
 * // or let the plugin create it: app.use(SmaRTCPlugin, { serverUrl: location.origin, username: 'alice' })
 */
export const SmaRTCPlugin: Plugin<[SmaRTCPluginOptions]> = {
  install(app: App, options: SmaRTCPluginOptions) {
    if (!options)
      throw errorFromCode(
        'VALIDATION_FAILED',
        'SmaRTCPlugin needs options: app.use(SmaRTCPlugin, { call }).',
      );
    const owned = !('call' in options);
    const call = 'call' in options ? options.call : new Call(options);
    app.provide(CALL_KEY, call);
    if (owned) (app as AppWithUnmountHook).onUnmount?.(() => void call.dispose());
  },
};
