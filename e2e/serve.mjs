// Serves dist/ under a sub-path (default /slo-planner/), as GitHub Pages would.
// Usage: node e2e/serve.mjs [port] [base]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.argv[2] ?? 8099);
const base = process.argv[3] ?? '/slo-planner/';
const root = resolve(new URL('..', import.meta.url).pathname, 'dist');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};

// An empty page with a title, for scripts/bench-ui.sh: what a page load
// costs the browser itself.
const BLANK = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head>'
  + '<body><h1 class="page-title">blank</h1></body></html>';

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === `${base}__blank/`) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=600' }).end(BLANK);
    return;
  }
  if (!path.startsWith(base)) {
    res.writeHead(404).end('not under ' + base);
    return;
  }
  let file = normalize(join(root, path.slice(base.length)));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const [body, info] = await Promise.all([readFile(file), stat(file)]);
    // GitHub Pages' headers: every file may be cached for 10 minutes.
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'max-age=600',
      'last-modified': info.mtime.toUTCString(),
    }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
