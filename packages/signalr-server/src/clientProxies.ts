import { writeMessage } from './protocol/jsonHubProtocol.js';
import type {
  CallerClients,
  ClientEventMap,
  ClientProxy,
  HubClients,
  HubGroups,
  HubLifetimeManager,
} from './types.js';

/** A proxy that serialises the invocation once, then hands the record to `deliver`. */
function proxy<E extends ClientEventMap>(deliver: (record: string) => Promise<void>): ClientProxy<E> {
  return {
    send(target, ...args) {
      let record: string;
      try {
        record = writeMessage.invocation(target, args);
      } catch (error) {
        return Promise.reject(error);
      }
      return deliver(record);
    },
  };
}

/** `Clients.*` of the hub: addressing through the lifetime manager. */
export function createHubClients<E extends ClientEventMap>(manager: HubLifetimeManager): HubClients<E> {
  return {
    all: proxy((record) => manager.sendAll(record)),
    allExcept: (excluded) => proxy((record) => manager.sendAll(record, [...excluded])),
    client: (id) => proxy((record) => manager.sendConnection(id, record)),
    clients: (ids) => proxy((record) => manager.sendConnections([...ids], record)),
    group: (name) => proxy((record) => manager.sendGroup(name, record)),
    groupExcept: (name, excluded) => proxy((record) => manager.sendGroup(name, record, [...excluded])),
  };
}

/** `Clients.*` inside an invocation, adding caller/others relative to `connectionId`. */
export function createCallerClients<E extends ClientEventMap>(
  clients: HubClients<E>,
  manager: HubLifetimeManager,
  connectionId: string,
): CallerClients<E> {
  const self = [connectionId];
  return {
    ...clients,
    caller: clients.client(connectionId),
    others: proxy((record) => manager.sendAll(record, self)),
    othersInGroup: (name) => proxy((record) => manager.sendGroup(name, record, self)),
  };
}

/** Group membership through the lifetime manager. */
export function createHubGroups(manager: HubLifetimeManager): HubGroups {
  return {
    add: (connectionId, groupName) => manager.addToGroup(connectionId, groupName),
    remove: (connectionId, groupName) => manager.removeFromGroup(connectionId, groupName),
  };
}
