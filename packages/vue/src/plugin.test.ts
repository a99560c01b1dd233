import { isSmaRTCError } from '@smartc/core';
import { Call } from '@smartc/mesh';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createApp, defineComponent, effectScope, h } from 'vue';
import { provideCall } from './callContext.js';
import { SmaRTCPlugin } from './plugin.js';
import { idleCall, NO_WEBRTC_FOR_TESTS, ScriptedCall, UNREACHABLE_SERVER } from './scriptedCall.testkit.js';
import { useCall } from './useCall.js';
import { useParticipants } from './useParticipants.js';

/** Shows the call's username and status, as a user would see them. */
const Status = defineComponent({
  setup() {
    const { call, status, self } = useCall();
    return () =>
      h('p', { 'data-call': (call as { tag?: string }).tag }, `${self.value.username}: ${status.value}`);
  },
});

describe('SmaRTCPlugin', () => {
  it('provides the call it is given to every component', () => {
    const call = idleCall('alice');
    const wrapper = mount(Status, { global: { plugins: [[SmaRTCPlugin, { call }]] } });
    expect(wrapper.text()).toBe('alice: idle');
    let seen: Call | undefined;
    mount(
      defineComponent({
        setup() {
          seen = useCall().call;
          return () => null;
        },
      }),
      { global: { plugins: [[SmaRTCPlugin, { call }]] } },
    );
    expect(seen).toBe(call);
    wrapper.unmount();
    void call.dispose();
  });

  it('creates a call from CallOptions and disposes it when the app unmounts', async () => {
    let created: Call | undefined;
    const app = createApp(
      defineComponent({
        setup() {
          created = useCall().call;
          return () => null;
        },
      }),
    );
    app.use(SmaRTCPlugin, { serverUrl: UNREACHABLE_SERVER, username: 'bob', webrtc: NO_WEBRTC_FOR_TESTS });
    app.mount(document.createElement('div'));
    expect(created).toBeInstanceOf(Call);
    expect(created?.getSnapshot().self.username).toBe('bob');
    app.unmount();
    await expect(created?.join('room')).rejects.toMatchObject({ code: 'ABORTED', message: /disposed/ });
  });

  it('does not dispose a call it was given', async () => {
    const store = new ScriptedCall('carol');
    const app = createApp(Status).use(SmaRTCPlugin, { call: store.call });
    app.mount(document.createElement('div'));
    expect(store.listenerCount).toBe(1);
    app.unmount();
    expect(store.listenerCount).toBe(0);
    // A real Call stays usable after the app is gone: its join goes to the (unreachable) server, not ABORTED.
    const call = idleCall('carol');
    const app2 = createApp(Status).use(SmaRTCPlugin, { call });
    app2.mount(document.createElement('div'));
    app2.unmount();
    const error = await call.join('room').catch((e: unknown) => e);
    expect(isSmaRTCError(error) && error.code).not.toBe('ABORTED');
    expect(call.getSnapshot().status).toBe('failed');
    await call.dispose();
  });

  it('rejects missing options with a clear error', () => {
    const app = createApp(Status);
    // biome-ignore lint/suspicious/noExplicitAny: calling it the way a JavaScript user could.
    expect(() => app.use(SmaRTCPlugin as any)).toThrow(/app\.use\(SmaRTCPlugin, \{ call \}\)/);
  });
});

describe('provideCall and call resolution', () => {
  it('provides a call to descendants, and an explicit argument wins over the provided one', () => {
    const provided = new ScriptedCall('provided');
    const explicit = new ScriptedCall('explicit');
    const Child = defineComponent({
      setup() {
        const injected = useCall().self;
        const own = useCall(explicit.call).self;
        return () => h('p', `${injected.value.username} ${own.value.username}`);
      },
    });
    const Parent = defineComponent({
      setup() {
        provideCall(provided.call);
        return () => h(Child);
      },
    });
    const wrapper = mount(Parent);
    expect(wrapper.text()).toBe('provided explicit');
    wrapper.unmount();
    expect(provided.listenerCount + explicit.listenerCount).toBe(0);
  });

  it('throws a VALIDATION_FAILED error naming the composable and the ways to provide a call', () => {
    let caught: unknown;
    mount(
      defineComponent({
        setup() {
          try {
            useParticipants();
          } catch (error) {
            caught = error;
          }
          return () => null;
        },
      }),
    );
    expect(isSmaRTCError(caught) && caught.code).toBe('VALIDATION_FAILED');
    expect((caught as Error).message).toMatch(
      /useParticipants\(\) found no SmaRTC call.*SmaRTCPlugin.*provideCall/,
    );
    // outside any component there is nothing to inject either
    effectScope().run(() => expect(() => useCall()).toThrow(/useCall\(\) found no SmaRTC call/));
  });
});
