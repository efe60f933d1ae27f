import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test helpers: a real CouchDB-protocol server (pouchdb-server from devDependencies, in
 * memory, on a free loopback port) and a loopback proxy in front of it that can take the
 * server away and bring it back, the way a network or a restart does to a client.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface CouchServer {
  url: string;
  port: number;
  createDb(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startCouch(): Promise<CouchServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ps-couch-'));
  const bin = join(process.cwd(), 'node_modules', '.bin', 'pouchdb-server');
  const child = spawn(bin, ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Bounded wait for the server to answer (it starts in about a second).
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) {
        return {
          url,
          port,
          async createDb(name) {
            const response = await fetch(`${url}/${name}`, { method: 'PUT' });
            if (!response.ok) throw new Error(`Cannot create ${name}: ${response.status}`);
          },
          stop,
        };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error('pouchdb-server did not start');
}

export interface Outage {
  url: string;
  /** The server goes away: open connections are cut, new ones refused. */
  cut(): Promise<void>;
  /** The server is back on the same address. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startOutageProxy(target: number): Promise<Outage> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(target, '127.0.0.1');
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  };
  const cut = async () => {
    const closing = server && new Promise((resolve) => server!.close(resolve));
    for (const s of sockets) s.destroy();
    await closing;
    server = undefined;
  };
  await listen();
  return { url: `http://127.0.0.1:${port}`, cut, restore: listen, close: cut };
}
