// npm run release: dist/hexathon-<version>.tar.gz, what an operator deploys on a
// machine with Node.js and nothing else (no source tree, no dev dependencies):
//
//   hexathon-<version>/
//     bin/hexathon              the operator command (scripts/hexathon.ts, bundled with what it uses)
//     scripts/serve.mjs         the server (as in the source tree)
//     .next/                    the standalone build (`output: "standalone"`) and its static files
//     node_modules/             only the packages the build traced as used at run time
//     public/, prisma/*/migrations/, lib/demo/articles/
//     lib/arena/engine/match-worker.mjs   the sandbox's worker thread, bundled
//
//   node scripts/release.mjs [--no-build]   (--no-build: package the last `next build`)
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import * as tar from "tar";

const root = path.join(import.meta.dirname, "..");
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const name = `hexathon-${version}`;
const dist = path.join(root, "dist");
const out = path.join(dist, name);
const standalone = path.join(root, ".next", "standalone");
const say = (message) => console.log(`release: ${message}`);

if (!process.argv.includes("--no-build")) {
  say("next build…");
  execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}
if (!existsSync(path.join(standalone, ".next", "required-server-files.json")))
  throw new Error('There is no standalone build in .next/standalone: run `next build` first (next.config.js has output: "standalone").');

say(`assembling ${path.relative(root, out)}…`);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// The standalone server's files, without Next's own server.js (scripts/serve.mjs serves, with the stored pages
// in front), the sources the tracer picked up beside them, and data/: the tracer follows the start-up hook's
// reads of the data directory into this checkout's own (its session key!), and route-keyed
// outputFileTracingExcludes don't reach the start-up hook's trace.
for (const entry of readdirSync(standalone)) {
  if (["app", "server.js", "data"].includes(entry)) continue;
  cpSync(path.join(standalone, entry), path.join(out, entry), { recursive: true, verbatimSymlinks: true });
}
cpSync(path.join(root, ".next", "static"), path.join(out, ".next", "static"), { recursive: true });
cpSync(path.join(root, "public"), path.join(out, "public"), { recursive: true });
for (const kind of ["sqlite", "postgresql"])
  cpSync(path.join(root, "prisma", kind, "migrations"), path.join(out, "prisma", kind, "migrations"), { recursive: true });
cpSync(path.join(root, "lib", "demo", "articles"), path.join(out, "lib", "demo", "articles"), { recursive: true });
mkdirSync(path.join(out, "scripts"), { recursive: true });
cpSync(path.join(root, "scripts", "serve.mjs"), path.join(out, "scripts", "serve.mjs"));

// What the release's node_modules has is used from there (native and WebAssembly packages among them); the
// rest of what the command and the worker import is bundled into them.
const installed = new Set(
  readdirSync(path.join(out, "node_modules")).flatMap((entry) =>
    entry.startsWith("@") ? readdirSync(path.join(out, "node_modules", entry)).map((scoped) => `${entry}/${scoped}`) : [entry],
  ),
);
const external = [...installed].flatMap((pkg) => [pkg, `${pkg}/*`]);
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  // lib/platform/db.ts imports "server-only", which allows itself under react-server (as `npm run` scripts run)
  conditions: ["react-server"],
  external,
  logLevel: "warning",
  legalComments: "none",
};
say("bundling bin/hexathon and the match worker…");
// ES modules, as the server loads its packages: the build traced their "import" files only
const esm = {
  format: "esm",
  // what CommonJS code bundled into an ES module expects to find
  banner: {
    js: [
      'import { createRequire as __hexathonRequire } from "node:module";',
      'import { fileURLToPath as __hexathonPath } from "node:url";',
      "const require = __hexathonRequire(import.meta.url);",
      "const __filename = __hexathonPath(import.meta.url);",
      'const __dirname = __filename.replace(/[\\/][^\\/]*$/, "");',
    ].join("\n"),
  },
};
await build({ ...common, ...esm, entryPoints: [path.join(root, "scripts", "hexathon.ts")], outfile: path.join(out, "bin", "hexathon.mjs") });
// the command itself: valid whatever Node takes a file without an extension for
writeFileSync(path.join(out, "bin", "hexathon"), '#!/usr/bin/env node\nimport("./hexathon.mjs");\n');
chmodSync(path.join(out, "bin", "hexathon"), 0o755);
await build({
  ...common,
  ...esm,
  entryPoints: [path.join(root, "lib", "arena", "engine", "match-worker.ts")],
  outfile: path.join(out, "lib", "arena", "engine", "match-worker.mjs"),
});

writeFileSync(
  path.join(out, "README.txt"),
  `Hexathon ${version}

Needs Node.js 20.19 or later, nothing else. From this directory:

  bin/hexathon start          apply the migrations and serve on $PORT (3000)
  bin/hexathon help           every command (migrate, seed-demo, backup, restore, data:export, data:import, import)

Settings are environment variables (DATABASE_URL, NEXTAUTH_URL, NEXTAUTH_SECRET, …): the README's Configuration.
Operating it: docs/ops/README.md in the source.
`,
);

const archive = path.join(dist, `${name}.tar.gz`);
say(`packing ${path.relative(root, archive)}…`);
await tar.c({ gzip: true, file: archive, cwd: dist, portable: true }, [name]);
rmSync(out, { recursive: true, force: true });
say(`${path.relative(root, archive)}: ${(statSync(archive).size / 1024 / 1024).toFixed(1)} MB`);
