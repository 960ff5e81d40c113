// Applies pending migrations to the configured database (DATABASE_URL, or the
// SQLite file under data/). Runs before `next start` and `next dev`.
import { databaseKind, databaseUrl } from "../lib/platform/config";
import { deploymentProblem } from "../lib/platform/instance";
import { migrate } from "../lib/platform/migrate";

// said before migrating, not after the server has loaded (app/_lib/start.ts says it again for `next start` alone)
const problem = deploymentProblem();
if (problem) {
  console.error(`Hexathon cannot start: ${problem}`);
  process.exit(1);
}

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
