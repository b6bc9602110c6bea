// Serves the sample provider page on 127.0.0.1 — and only what that page needs: the page's own
// files, the <kmo-calculator> element and the package files it loads (its script, and the
// engine of each language: glue and WebAssembly module). Nothing else of the repository is
// reachable.
//
//   node examples/web/serve.js            → http://127.0.0.1:8080/examples/web/
//   PORT=9000 node examples/web/serve.js  → another port (PORT=0: any free port)
//
// The page is written in the language ?lang= asks for (nl, fr, en): its <html lang> and the
// preload of the calculator's engine in that language, as a multilingual site renders each
// page on the server (the page's script reads ?lang= too, so the page works from any server).
//
// Text and WebAssembly go out gzip-compressed when the browser accepts it, as a production
// server or CDN would send them (the page's size is measured that way).
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));

// URL path → file in the repository. Every other path is 404. The package's files
// (/kmo-wasm/…) can come from an installed copy instead (serve(port, { packageDir })), so that
// tests see the element as the published package ships it.
const FILES = {
  '/examples/web/index.html': 'examples/web/index.html',
  '/examples/web/app.js': 'examples/web/app.js',
  '/examples/web/style.css': 'examples/web/style.css',
  '/examples/web/catalogue.json': 'examples/web/catalogue.json',
  '/kmo-wasm/pkg/calculator/index.js': 'kmo-wasm/pkg/calculator/index.js',
};
for (const lang of ['nl', 'fr', 'en']) {
  for (const ext of ['js', 'wasm']) FILES[`/kmo-wasm/pkg/calculator/engine-${lang}.${ext}`] = `kmo-wasm/pkg/calculator/engine-${lang}.${ext}`;
}
const REDIRECTS = { '/': '/examples/web/', '/examples/web': '/examples/web/' };
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

const LANGS = ['nl', 'fr', 'en'];
const PAGE = 'examples/web/index.html';

/** The page in `lang`: the language of <html> and of the engine it preloads. */
function inLanguage(html, lang) {
  return html.replace('<html lang="nl">', `<html lang="${lang}">`).replaceAll('/engine-nl.', `/engine-${lang}.`);
}

// Files are read (and compressed) once per change of their modification time, the page once
// per language.
const cache = new Map();
function load(file, packageDir, lang) {
  const path = packageDir && file.startsWith('kmo-wasm/') ? join(packageDir, file.slice('kmo-wasm/'.length)) : join(root, file);
  const { mtimeMs } = statSync(path);
  const key = file === PAGE ? `${path}?${lang}` : path;
  let entry = cache.get(key);
  if (!entry || entry.mtimeMs !== mtimeMs) {
    let body = readFileSync(path);
    if (file === PAGE) body = Buffer.from(inLanguage(body.toString('utf8'), lang));
    const tag = `${mtimeMs.toString(36)}-${body.length.toString(36)}${file === PAGE ? `-${lang}` : ''}`;
    entry = { mtimeMs, body, gzip: gzipSync(body, { level: 9 }), etag: `"${tag}"` };
    cache.set(key, entry);
  }
  return entry;
}

function handle(req, res, packageDir) {
  let pathname;
  let url;
  try {
    url = new URL(req.url, 'http://localhost');
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (REDIRECTS[pathname]) {
    res.writeHead(302, { location: REDIRECTS[pathname] }).end();
    return;
  }
  const file = FILES[pathname.endsWith('/') ? `${pathname}index.html` : pathname];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  let entry;
  try {
    const asked = url.searchParams.get('lang');
    entry = load(file, packageDir, LANGS.includes(asked) ? asked : 'nl');
  } catch {
    // The package is not built yet (kmo-wasm/pkg/ is missing): `bash kmo-wasm/build.sh`.
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not built\n');
    return;
  }
  const headers = {
    'content-type': TYPES[extname(file)],
    'cache-control': 'no-cache',
    etag: entry.etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (req.headers['if-none-match'] === entry.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = gzip ? entry.gzip : entry.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts the server on 127.0.0.1 (`port` 0: any free port); resolves to the http.Server.
 * `packageDir`: an installed kmo-portefeuille package to take the /kmo-wasm/ files from.
 */
export function serve(port = 0, { packageDir } = {}) {
  const server = createServer((req, res) => handle(req, res, packageDir));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const server = await serve(port);
  console.log(`http://127.0.0.1:${server.address().port}/examples/web/`);
  try {
    statSync(join(root, 'kmo-wasm/pkg/calculator/index.js'));
  } catch {
    // A clean checkout has no built package: the page would load without its calculator.
    console.warn('kmo-wasm/pkg/ is not built: the page shows no calculator until `bash kmo-wasm/build.sh` has run.');
  }
}
