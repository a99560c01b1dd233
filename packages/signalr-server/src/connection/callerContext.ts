import type { HubCallerContext, TransportName } from '../types.js';
import type { ConnectionRequestInfo } from './hubConnection.js';

/** What the caller context exposes besides the ids. */
export interface CallerContextData<TUser> {
  readonly user: TUser;
  readonly items: Map<string, unknown>;
  readonly transport: TransportName;
  readonly request: ConnectionRequestInfo;
}

/** Builds the immutable {@link HubCallerContext} of one connection. */
export function createCallerContext<TUser>(
  connection: {
    readonly connectionId: string;
    close(options?: { error?: string; allowReconnect?: boolean }): Promise<void>;
  },
  data: CallerContextData<TUser>,
): HubCallerContext<TUser> {
  return Object.freeze({
    connectionId: connection.connectionId,
    user: data.user,
    items: data.items,
    transport: data.transport,
    remoteAddress: data.request.remoteAddress,
    query: data.request.query,
    headers: data.request.headers,
    abort(options?: { error?: string; allowReconnect?: boolean }): void {
      void connection.close(options);
    },
  });
}
