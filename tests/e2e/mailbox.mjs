// Where the browser tests' SMTP server (tests/helpers/smtp-sink.mjs, started by
// scripts/e2e-server.mjs) leaves the messages the app sends, one JSON file each.
import os from "node:os";
import path from "node:path";

/** @param {number} appPort the port of the app that sends */
export const mailboxDir = (appPort) => path.join(os.tmpdir(), `hexathon-e2e-mail-${appPort}`);
/** @param {number} appPort */
export const smtpPort = (appPort) => appPort + 10;
