// The long connections this process runs, by name (e.g. "wecom-bot:<botId>"), so that the senders of the
// routes that post through a connection (created before it, for the outbox) find it at send time.
export class LiveConnections<T = unknown> {
  private readonly byName = new Map<string, T>();

  register(name: string, connection: T): void {
    this.byName.set(name, connection);
  }

  get<U extends T>(name: string): U | undefined {
    return this.byName.get(name) as U | undefined;
  }
}
