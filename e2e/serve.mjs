// A small static file server for the built app (dist/), used by `./x run`, the e2e tests
// and the benchmark. It serves files only, from one directory, on 127.0.0.1, with the
// right MIME types (application/wasm matters) and no caching surprises. Like nginx's
// `brotli_static` / `gzip_static` (docs/HOSTING.md), it answers with the release's
// precompressed `NAME.br` or `NAME.gz` when the browser accepts it; `{ compress: false }`
// (or SOVCHECK_SERVE_IDENTITY=1) serves every file as it is.
//
//   node e2e/serve.mjs DIR [PORT] [BASE]    BASE is a URL prefix such as /tools/sovcheck/
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The precompressed copies, best first: [Content-Encoding, file suffix]. */
const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];

/** The encodings an Accept-Encoding header allows (a `;q=0` entry refuses one). */
function accepted(header = '') {
  const ok = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) ok.add(name);
  }
  return ok;
}

/** Starts serving `dir` under `base`; resolves to the server once it listens. */
export function serve(dir, port = 0, base = '/', { compress = process.env.SOVCHECK_SERVE_IDENTITY !== '1' } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(base)) return notFound(res);
    rel = rel.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return notFound(res);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return notFound(res);
    const ok = compress ? accepted(req.headers['accept-encoding']) : new Set();
    const [encoding, suffix] = ENCODINGS.find(([e, sfx]) => ok.has(e) && fs.existsSync(file + sfx)) || [];
    fs.readFile(file + (suffix || ''), (err, body) => {
      if (err) return notFound(res);
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        ...(compress ? { Vary: 'Accept-Encoding' } : {}),
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`serve: ${dir}/index.html not found; build first with ./x dist`);
    process.exit(1);
  }
  const server = await serve(dir, Number(port), base);
  console.log(`sovcheck is served at http://127.0.0.1:${server.address().port}${base}  (Ctrl+C to stop)`);
}
