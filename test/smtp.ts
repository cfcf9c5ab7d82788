/**
 * A real SMTP server on loopback for tests (smtp-server), whose received messages are parsed
 * with mailparser. Login is optional and STARTTLS is off, so `smtp://127.0.0.1:<port>` works
 * without certificates. `reject` makes it refuse recipients with a given reply (a 4yz or 5yz
 * code, RFC 5321 §4.2.1) until cleared; `delayMs` holds each message before accepting it.
 */
import net from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A running test server. */
export interface TestSmtp {
  port: number;
  /** `smtp://127.0.0.1:<port>`. */
  url: string;
  /** Every message accepted, parsed, in order of arrival. */
  messages: ParsedMail[];
  /** When set, RCPT TO is answered with this code and text. */
  reject: { code: number; text: string } | null;
  /** Milliseconds to wait before accepting each message's data. */
  delayMs: number;
  /** When set, each message's data is accepted only once this promise settles. */
  hold: Promise<void> | null;
  close(): Promise<void>;
}

/** A loopback port nothing listens on (free at the time of asking). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Starts a server on `port` (default: any free one). */
export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const state: TestSmtp = {
    port: 0,
    url: "",
    messages: [],
    reject: null,
    delayMs: 0,
    hold: null,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.reject) return callback();
      const error = new Error(state.reject.text) as Error & { responseCode: number };
      error.responseCode = state.reject.code;
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
          if (state.hold) await state.hold;
          state.messages.push(parsed);
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  state.port = (server.server.address() as net.AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
