// The webhook middleware with Node's own types (@types/node), compiled by
// tests/js/handler.test.mjs (tsc --strict --types node), not by the
// tsconfigs here, which leave @types/node out on purpose: Node's
// IncomingMessage and ServerResponse are what the middleware takes.
import http from 'node:http';
import { createNodeMiddleware, createWebhookHandler } from 'periskope-events';

const middleware = createNodeMiddleware({ keys: process.env.PERISKOPE_SIGNING_KEY });
http.createServer(middleware).listen(3000);

// As a route in a framework that hands over Node's objects.
http.createServer((req: http.IncomingMessage, res: http.ServerResponse) => {
  if (req.url === '/webhook') return void middleware(req, res);
  res.statusCode = 404;
  res.end();
});

// Node's fetch types: the Fetch handler takes Node's Request.
const handle = createWebhookHandler({ keys: process.env.PERISKOPE_SIGNING_KEY });
const response: Promise<Response> = handle(new Request('http://127.0.0.1/', { method: 'POST', body: '{}' }));
export { response };
