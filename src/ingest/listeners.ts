// The carbon listeners: plaintext over TCP and UDP, pickle over TCP. Each socket read is parsed into one
// batch; TCP sockets are paused while the cache is full (carbon's flow control) and UDP datagrams that
// arrive then are counted as overflow and dropped, since UDP cannot be paused.
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { type Socket as UdpSocket, createSocket } from 'node:dgram';
import { listenError } from '../errors.js';
import { type AcceptBatch, BatchSink, type IngestCounters, type RejectLog } from './batch-sink.js';
import { LineParser, parseDatagram } from './line-protocol.js';
import { PickleError, PickleFrameDecoder, checkPickledPoints, unpickleMetrics } from './pickle.js';

export interface ListenerContext {
  host: string;
  accept: AcceptBatch;
  counters: IngestCounters;
  rejects: RejectLog;
  /** Seconds, for timestamp -1. */
  now: () => number;
  /** True while the cache is full. */
  paused: () => boolean;
  log: (message: string, detail: Record<string, unknown>) => void;
}

/** Open TCP connections of every listener, so flow control can pause and resume them together. */
export class Connections {
  readonly sockets = new Set<Socket>();
  pauseAll(): void {
    for (const s of this.sockets) s.pause();
  }
  resumeAll(): void {
    for (const s of this.sockets) s.resume();
  }
  destroyAll(): void {
    for (const s of this.sockets) s.destroy();
  }
}

/**
 * Runs a socket handler so that a failure in it (a parser bug, the WAL refusing a write) costs only that
 * connection: logged, the socket closed, the server up.
 */
function guarded(ctx: ListenerContext, socket: Socket | undefined, handler: () => void): void {
  try {
    handler();
  } catch (err) {
    ctx.rejects.note('input handling failed: connection closed', { error: (err as Error).message });
    ctx.counters.rejected.failed++;
    socket?.destroy();
  }
}

function peerOf(socket: Socket): string {
  return `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
}

function listen(server: Server | UdpSocket, name: string, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (err: NodeJS.ErrnoException) => reject(listenError(err, name, host, port));
    server.once('error', fail);
    const done = () => {
      server.off('error', fail);
      resolve((server.address() as AddressInfo).port);
    };
    if ('bind' in server) server.bind(port, host, done);
    else server.listen(port, host, done);
  });
}

function tcpServer(
  ctx: ListenerContext,
  connections: Connections,
  onSocket: (socket: Socket, sink: BatchSink) => void,
): Server {
  return createServer((socket) => {
    connections.sockets.add(socket);
    socket.on('close', () => connections.sockets.delete(socket));
    socket.on('error', (err) => ctx.log('connection error', { peer: peerOf(socket), error: err.message }));
    if (ctx.paused()) socket.pause();
    onSocket(socket, new BatchSink('tcp', peerOf(socket), ctx.counters, ctx.rejects, ctx.accept));
  });
}

export async function startLineTcp(
  ctx: ListenerContext,
  connections: Connections,
  port: number,
  maxLineLength: number,
): Promise<{ server: Server; port: number }> {
  const server = tcpServer(ctx, connections, (socket, sink) => {
    const parser = new LineParser({ maxLineLength, now: ctx.now, sink });
    socket.on('data', (chunk: Buffer) =>
      guarded(ctx, socket, () => {
        parser.push(chunk);
        sink.flush();
      }),
    );
    socket.on('end', () => {
      parser.end();
      sink.flush();
      socket.end();
    });
  });
  return { server, port: await listen(server, 'plaintext TCP', ctx.host, port) };
}

export async function startLineUdp(
  ctx: ListenerContext,
  port: number,
  maxLineLength: number,
): Promise<{ socket: UdpSocket; port: number }> {
  const socket = createSocket({ type: ctx.host.includes(':') ? 'udp6' : 'udp4' });
  socket.on('message', (datagram, rinfo) => {
    const sink = new BatchSink(
      'udp',
      `${rinfo.address}:${rinfo.port}`,
      ctx.counters,
      ctx.rejects,
      ctx.accept,
    );
    if (ctx.paused()) {
      ctx.counters.rejected.overflow++;
      ctx.rejects.note('UDP datagram dropped: cache full', { peer: sink.peer, bytes: datagram.length });
      return;
    }
    guarded(ctx, undefined, () => {
      parseDatagram(datagram, { maxLineLength, now: ctx.now, sink });
      sink.flush();
    });
  });
  socket.on('error', (err) => ctx.log('UDP socket error', { error: err.message }));
  return { socket, port: await listen(socket, 'plaintext UDP', ctx.host, port) };
}

export async function startPickle(
  ctx: ListenerContext,
  connections: Connections,
  port: number,
  maxFrameBytes: number,
): Promise<{ server: Server; port: number }> {
  const server = tcpServer(ctx, connections, (socket, sink) => {
    const decoder = new PickleFrameDecoder({
      maxFrameBytes,
      onFrame: (payload) => {
        let items: unknown[];
        try {
          items = unpickleMetrics(payload);
        } catch (err) {
          if (!(err instanceof PickleError)) throw err;
          ctx.counters.rejected.pickle++;
          ctx.rejects.note('rejected pickle message', {
            peer: sink.peer,
            reason: err.reason,
            bytes: payload.length,
          });
          return;
        }
        checkPickledPoints(items, ctx.now(), sink);
      },
      onOversize: (length) => {
        ctx.counters.rejected.oversize++;
        ctx.rejects.note('pickle frame over the limit: closing the connection', {
          peer: sink.peer,
          length,
          maxFrameBytes,
        });
        socket.destroy();
      },
    });
    socket.on('data', (chunk: Buffer) =>
      guarded(ctx, socket, () => {
        decoder.push(chunk);
        sink.flush();
      }),
    );
    socket.on('end', () => socket.end());
  });
  return { server, port: await listen(server, 'pickle', ctx.host, port) };
}
