// bin/hexathon, the one operator command of the release archive (npm run
// release bundles this file with what it uses; docs/ops/README.md → Release):
//
//   hexathon start [-p PORT] [-H HOST]   apply pending migrations, then serve (what `npm start` does)
//   hexathon migrate                     apply pending migrations only
//   hexathon seed-demo [--reset]         the demo data into an empty database (--reset wipes it first)
//   hexathon backup FILE | restore FILE | data:export FILE | data:import FILE
//   hexathon import DIR [--as EMAIL]     Markdown articles into the archive (what `npm run import` does)
//
// Every command reads its database from DATABASE_URL (default: data/hexathon.db under the working
// directory, or HEXATHON_DATA_DIR) and checks the whole environment first.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { environmentProblem } from "../lib/platform/environment";
import { deploymentProblem } from "../lib/platform/instance";

// bin/.. in the release, scripts/.. in a checkout: where prisma/, lib/ and scripts/serve.mjs are
const root = path.resolve(__dirname, "..");
process.env.HEXATHON_ROOT ??= root;
// an internal tool phones nobody
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const USAGE = `usage: hexathon <command>

  start [-p PORT] [-H HOST]   apply pending migrations, then serve on PORT (default $PORT or 3000)
  migrate                     apply pending migrations
  seed-demo [--reset]         load the demo data into an empty database (--reset wipes Hexathon's tables first)
  backup FILE                 a consistent snapshot of the database, images included, while it serves
  restore FILE                a backup into an empty database
  data:export FILE            every table as a portable archive (SQLite or PostgreSQL)
  data:import FILE            such an archive into an empty database of either kind
  import DIR [--as EMAIL]     Markdown articles with front-matter into the archive

The database is DATABASE_URL's (postgresql://… or file:…), else $HEXATHON_DATA_DIR/hexathon.db.
docs/ops/README.md in the source explains each.`;

/** Runs a script of scripts/ as if it had been started with these arguments. */
async function run(load: () => Promise<unknown>, args: string[]) {
  process.argv = [process.argv[0], "hexathon", ...args];
  await load();
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const refuse = (problem: string | null) => {
    if (!problem) return;
    console.error(`Hexathon cannot ${command === "start" ? "start" : `run ${command}`}: ${problem}`);
    process.exit(1);
  };
  switch (command) {
    case "start": {
      refuse(deploymentProblem());
      const { migrate } = await import("../lib/platform/migrate");
      const { databaseUrl } = await import("../lib/platform/config");
      const applied = await migrate(databaseUrl());
      if (applied.length) console.log(`database: applied ${applied.join(", ")}`);
      process.argv = [process.argv[0], path.join(root, "scripts", "serve.mjs"), ...args];
      // serve.mjs is plain JavaScript run as it is (it loads Next's build): imported, not bundled
      await import(/* webpackIgnore: true */ pathToFileURL(path.join(root, "scripts", "serve.mjs")).href);
      return;
    }
    case "migrate":
      // scripts/migrate.ts checks the environment and the deployment itself
      return run(() => import("./migrate"), args);
    case "seed-demo":
      refuse(environmentProblem());
      return run(() => import("./seed-demo"), args);
    case "backup":
    case "restore":
    case "data:export":
    case "data:import":
      return run(() => import("./operations"), [command, ...args]);
    case "import":
      refuse(environmentProblem());
      return run(() => import("./import"), args);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return;
    default:
      console.error(`hexathon: no command "${command}".\n\n${USAGE}`);
      process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
