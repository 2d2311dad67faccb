import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = { envelopeTo: string[]; raw: Buffer; parsed: ParsedMail };

/**
 * A real SMTP server on 127.0.0.1 for the delivery tests: it keeps every message it accepts,
 * parsed by mailparser, and can stop and start again on the same port (an outage). `reject` makes
 * it answer every RCPT with that SMTP code (4xx transient, 5xx permanent).
 */
export type SmtpPeer = {
  port: number;
  url: string;
  received: Received[];
  running: boolean;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  reject: { code: number; message: string } | null;
};

export async function startSmtpPeer(): Promise<SmtpPeer> {
  let server: SMTPServer | null = null;
  const peer: SmtpPeer = {
    port: 0,
    url: "",
    received: [],
    running: false,
    reject: null,
    async start() {
      const s = new SMTPServer({
        // Plain SMTP on loopback: no STARTTLS (its self-signed certificate would fail verification), no AUTH.
        disabledCommands: ["STARTTLS", "AUTH"],
        authOptional: true,
        logger: false,
        onRcptTo(_address, _session, callback) {
          if (!peer.reject) return callback();
          const error = new Error(peer.reject.message) as Error & { responseCode: number };
          error.responseCode = peer.reject.code;
          callback(error);
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            const raw = Buffer.concat(chunks);
            simpleParser(raw)
              .then((parsed) => {
                peer.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
                callback();
              })
              .catch(callback);
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        s.once("error", reject);
        s.listen(peer.port, "127.0.0.1", () => resolve());
      });
      server = s;
      peer.running = true;
      peer.port = (s.server.address() as AddressInfo).port;
      peer.url = `smtp://127.0.0.1:${peer.port}`;
    },
    async stop() {
      const s = server;
      server = null;
      peer.running = false;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await peer.start();
  return peer;
}
