// The house rules of the code's layout, checked by `npm run lint:architecture`
// (part of `npm test`) rather than remembered. DEVELOPERS.md explains the house.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "A module never depends on itself through others: start-up work and domains stay untangled.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-is-framework-free",
      comment: "lib/ is plain TypeScript: no Next.js, no React, nothing of app/ or components/. Pages and routes call it, never the reverse.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: ["^app/", "^components/", "^node_modules/(next|react|react-dom|next-auth)/"] },
    },
    {
      name: "components-never-write",
      comment:
        "Components show and ask; they never hold the database client nor write. Writes go through a server action or a route to lib/<domain>/commands.ts.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: ["^lib/platform/db\\.ts$", "^lib/[^/]+/commands\\.ts$", "^lib/generated/(sqlite|postgresql)/"] },
    },
    {
      name: "app-gets-the-client-from-app-lib",
      severity: "error",
      comment: "Pages, actions and routes get the database client from app/_lib/db.ts, hand it to lib/ and never query it themselves.",
      from: { path: "^app/", pathNot: "^app/_lib/" },
      to: { path: ["^lib/platform/db\\.ts$", "^lib/generated/(sqlite|postgresql)/"] },
    },
    {
      name: "rules-are-pure",
      comment: "A domain's rules.ts is plain functions of its arguments: no database, no reads, no writes.",
      severity: "error",
      from: { path: "^lib/[^/]+/rules\\.ts$" },
      to: { path: ["^lib/platform/db\\.ts$", "^lib/generated/(sqlite|postgresql)/", "^lib/[^/]+/(queries|commands)\\.ts$"] },
    },
    {
      name: "rules-run-in-the-browser",
      comment: "Client components import rules.ts (labels, who may): no Node.js module and no server-side configuration may come with it.",
      severity: "error",
      from: { path: "^lib/[^/]+/rules\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "rules-read-no-configuration",
      comment: "A rule takes what it needs as arguments; the server's configuration (files, environment) is read by queries and commands.",
      severity: "error",
      from: { path: "^lib/[^/]+/rules\\.ts$" },
      to: { path: "^lib/platform/(config|mail|health|migrate|sqlite-serial|client-address|rate-limit)\\.ts$" },
    },
    {
      name: "engine-is-pure",
      comment: "The arena's engine plays matches and tournaments without a database (the offline CLI and the bench use it alone).",
      severity: "error",
      from: { path: "^lib/arena/engine/" },
      to: { path: ["^lib/platform/db\\.ts$", "^lib/generated/(sqlite|postgresql)/", "^lib/[^/]+/(queries|commands)\\.ts$"] },
    },
    {
      name: "queries-only-read",
      comment: "Reads never call writes.",
      severity: "error",
      from: { path: "^lib/[^/]+/queries\\.ts$" },
      to: { path: "^lib/[^/]+/commands\\.ts$" },
    },
    {
      name: "generated-client-only-through-db",
      comment: "lib/platform/db.ts is the one database client; Prisma's generated code is imported only there.",
      severity: "error",
      from: { pathNot: ["^lib/platform/db\\.ts$", "^lib/generated/(sqlite|postgresql)/"] },
      to: { path: "^lib/generated/(sqlite|postgresql)/" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^lib/generated/(sqlite|postgresql)/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".mts", ".js", ".mjs"] },
  },
};
