// The baseline: plain node:http answering a fixed JSON body, as fast as Node can serve it.
// Usage: node bench/bare-server.mjs <body-file>; prints the port once listening.
import fs from 'node:fs';
import http from 'node:http';

const body = fs.readFileSync(process.argv[2]);
const server = http.createServer((_request, response) => {
	response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
	response.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(`port=${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
