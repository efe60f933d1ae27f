import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.vcf': 'text/vcard; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a folder on 127.0.0.1 (an ephemeral port). Pages whose name starts with `gmail`
 * get Gmail's Trusted Types header, so a content script that writes HTML strings fails there
 * just as it would on mail.google.com.
 */
export async function serveStatic(
  rootDir: string,
  port = 0,
  mounts: Record<string, string> = {},
): Promise<StaticSite> {
  const root = resolve(rootDir);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    const base = mount ? resolve(mounts[mount]!) : root;
    const rest = mount ? path.slice(mount.length - 1) : path;
    const file = normalize(join(base, rest.endsWith('/') ? `${rest}index.html` : rest));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers: Record<string, string> = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (/(^|\/)gmail[^/]*\.html$/.test(path)) {
        headers['content-security-policy'] = "require-trusted-types-for 'script'";
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
