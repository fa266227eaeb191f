import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/**
 * A loopback TCP proxy a fault test can cut: `cut()` drops every connection and refuses new ones
 * (what a service sees when its database goes away), `restore()` listens again on the same port.
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      if (server !== null) {
        resolve();
        return;
      }
      const next = createServer((client) => {
        const upstream = connect(targetPort, targetHost);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        const address = next.address();
        if (typeof address === 'object' && address) port = address.port;
        server = next;
        resolve();
      });
    });

  const cut = (): Promise<void> =>
    new Promise((resolve) => {
      const current = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (current === null) resolve();
      else current.close(() => resolve());
    });

  await listen();
  return {
    get port() {
      return port;
    },
    cut,
    restore: listen,
    close: cut,
  };
}
