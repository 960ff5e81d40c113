// Applies pending migrations to the configured database (DATABASE_URL, or the
// SQLite file under data/). Runs before `next start` and `next dev`.
import { databaseKind, databaseUrl } from "../lib/platform/config";
import { migrate } from "../lib/platform/migrate";

const url = databaseUrl();
migrate(url)
  .then((applied) => {
    const where = databaseKind(url) === "sqlite" ? url : "PostgreSQL";
    console.log(applied.length ? `database (${where}): applied ${applied.join(", ")}` : `database (${where}): up to date`);
  })
  .catch((error: Error) => {
    console.error(`Could not migrate the database: ${error.message}`);
    process.exit(1);
  });
