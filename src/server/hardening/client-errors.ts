import type { Socket } from 'node:net';

/**
 * Requests Node's HTTP parser rejects before Fastify sees them (a byte not allowed in a header, a malformed
 * request line, headers too large): answered in French, with the API's error shape, then the socket is closed.
 */
export function frenchClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, label, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Request Header Fields Too Large',
          'HEADERS_TOO_LARGE',
          'En-têtes de la requête trop volumineux.',
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'TIMEOUT', 'La requête a mis trop de temps à arriver : réessayez.']
        : [
            400,
            'Bad Request',
            'BAD_REQUEST',
            'Requête mal formée (en-tête ou caractère non autorisé) : réessayez depuis l’application.',
          ];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${label}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
