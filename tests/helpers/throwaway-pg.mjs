// A throw-away PostgreSQL database on the local server of HEXATHON_TEST_PG_URL,
// for a test file or a test cluster (scripts/cluster.mjs): created empty,
// dropped (with its connections) by `drop`. Refuses anything but a local
// server, so tests can't touch a real database by mistake. Plain ESM, so the
// cluster script, which runs no TypeScript, uses it too.
import pg from "pg";

export const PG_ADMIN_URL = process.env.HEXATHON_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** @param {string} url */
export function assertLocal(url) {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

/**
 * @param {string} prefix the database's name starts with it, e.g. "hexathon_test"
 * @returns {Promise<{ url: string; drop: () => Promise<void> }>}
 */
export async function createThrowawayDatabase(prefix) {
  assertLocal(PG_ADMIN_URL);
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
