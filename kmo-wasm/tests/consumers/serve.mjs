// A tiny static file server for the consumer pages, on 127.0.0.1 only: correct content types
// (application/wasm for .wasm), optional Content-Security-Policy and CORS headers, a URL prefix
// (to stand in for a CDN path), and the list of files it served (to measure what a page loaded).
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1 (a free port). Options: `prefix` (URL path the root appears under),
 * `csp` (Content-Security-Policy of every response), `cors` (Access-Control-Allow-Origin: *).
 * Resolves to { origin, served: Set of file paths, close() }.
 */
export function serve(root, { prefix = '', csp = null, cors = false } = {}) {
  const served = new Set();
  const base = normalize(root + sep);
  const server = createServer((req, res) => {
    const headers = { 'Cache-Control': 'no-store' };
    if (csp) headers['Content-Security-Policy'] = csp;
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    let path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204, headers).end();
      return;
    }
    if (!path.startsWith(prefix + '/')) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    path = path.slice(prefix.length);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403, headers).end('forbidden');
      return;
    }
    let body;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      res.writeHead(404, headers).end('not found');
      return;
    }
    served.add(file);
    headers['Content-Type'] = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        served,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
