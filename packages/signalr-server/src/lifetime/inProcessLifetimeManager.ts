import type { HubLifetimeManager, ManagedConnection } from '../types.js';

/**
 * The default {@link HubLifetimeManager}: connections and groups of this process only.
 * Records arrive serialised once per fan-out and are written as-is to every recipient.
 * A backplane (e.g. Redis) implements the same interface and publishes the records.
 *
 * @example
 * ```ts
 * const hub = new SignalRHub({ path: '/hub', hub, lifetimeManager: new InProcessLifetimeManager() });
 * ```
 */
export class InProcessLifetimeManager implements HubLifetimeManager {
  readonly #connections = new Map<string, ManagedConnection>();
  readonly #groups = new Map<string, Set<string>>();
  readonly #groupsOfConnection = new Map<string, Set<string>>();

  onConnected(connection: ManagedConnection): void {
    this.#connections.set(connection.connectionId, connection);
  }

  onDisconnected(connection: ManagedConnection): void {
    const id = connection.connectionId;
    if (this.#connections.get(id) === connection) this.#connections.delete(id);
    for (const group of this.#groupsOfConnection.get(id) ?? []) this.#leave(id, group);
    this.#groupsOfConnection.delete(id);
  }

  async sendAll(record: string, excludedConnectionIds?: readonly string[]): Promise<void> {
    const excluded = excludedConnectionIds?.length ? new Set(excludedConnectionIds) : undefined;
    for (const [id, connection] of this.#connections) {
      if (!excluded?.has(id)) connection.write(record);
    }
  }

  async sendConnection(connectionId: string, record: string): Promise<void> {
    this.#connections.get(connectionId)?.write(record);
  }

  async sendConnections(connectionIds: readonly string[], record: string): Promise<void> {
    for (const id of new Set(connectionIds)) this.#connections.get(id)?.write(record);
  }

  async sendGroup(
    groupName: string,
    record: string,
    excludedConnectionIds?: readonly string[],
  ): Promise<void> {
    const members = this.#groups.get(groupName);
    if (!members) return;
    const excluded = excludedConnectionIds?.length ? new Set(excludedConnectionIds) : undefined;
    for (const id of members) {
      if (!excluded?.has(id)) this.#connections.get(id)?.write(record);
    }
  }

  /** Adds a connection of this process to a group; unknown connections are ignored, as in .NET. */
  async addToGroup(connectionId: string, groupName: string): Promise<void> {
    if (!this.#connections.has(connectionId)) return;
    let members = this.#groups.get(groupName);
    if (!members) {
      members = new Set();
      this.#groups.set(groupName, members);
    }
    members.add(connectionId);
    let groups = this.#groupsOfConnection.get(connectionId);
    if (!groups) {
      groups = new Set();
      this.#groupsOfConnection.set(connectionId, groups);
    }
    groups.add(groupName);
  }

  async removeFromGroup(connectionId: string, groupName: string): Promise<void> {
    this.#leave(connectionId, groupName);
    this.#groupsOfConnection.get(connectionId)?.delete(groupName);
  }

  async close(): Promise<void> {
    this.#connections.clear();
    this.#groups.clear();
    this.#groupsOfConnection.clear();
  }

  #leave(connectionId: string, groupName: string): void {
    const members = this.#groups.get(groupName);
    if (!members) return;
    members.delete(connectionId);
    if (members.size === 0) this.#groups.delete(groupName);
  }
}
