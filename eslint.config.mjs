// ESLint 9 flat config: Next.js's recommended rules (core web vitals, React
// hooks, TypeScript). `next lint` is gone in Next 16; `npm run lint` runs ESLint.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Pages and routes hand the client to lib/ and never query it themselves (DEVELOPERS.md, "The house"). */
const NO_QUERIES = [
  {
    selector:
      "CallExpression[callee.type='MemberExpression'][callee.object.type='MemberExpression'][callee.property.name=/^(findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|count|create|createMany|update|updateMany|upsert|delete|deleteMany|aggregate|groupBy)$/]",
    message: "Pages and routes don't query the database: call a function of lib/<domain>/queries.ts or commands.ts.",
  },
  {
    selector: "MemberExpression[property.name=/^[$](transaction|queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]",
    message: "Pages and routes don't query the database: call a function of lib/<domain>/queries.ts or commands.ts.",
  },
];

/**
 * Words a person reads come from messages/<lang>.json (next-intl), never from the component: text in JSX
 * (react/jsx-no-literals) and the attributes and props that are read or heard (this selector).
 */
const NO_WRITTEN_WORDS = {
  selector:
    "JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label|hint|description|legend|caption|summary|confirm[A-Za-z]*|pending[A-Za-z]*|submit[A-Za-z]*|[a-z]+(Label|Text|Message|Title|Hint))$/] > Literal[value=/\\p{L}{2}/u]",
  message: "Words a person reads belong in messages/en.json and messages/fr.json: use t(…) from next-intl.",
};
/** What may stay written in JSX: symbols and the product's name, the same in every language. */
const SYMBOLS = [
  "Hexathon",
  "TypeScript",
  "JavaScript",
  "0x194",
  "⠿",
  "0x",
  "·",
  "•",
  "—",
  "–",
  "-",
  "…",
  ":",
  ";",
  ",",
  ".",
  "/",
  "|",
  "+",
  "×",
  "→",
  "←",
  "↑",
  "↓",
  "★",
  "☆",
  "✓",
  "✗",
  "(",
  ")",
  "#",
  "%",
  "“",
  "”",
  "‘",
  "’",
  "«",
  "»",
  "=",
  "±",
  "μ",
  "σ",
  "&",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `const { a, ...rest } = props` is how a prop is kept out of the rest
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
      // lib/platform/db.ts is the one database client; Prisma's generated code is imported only there
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["**/generated/sqlite/**", "**/generated/postgresql/**"], message: "Import the client and types from lib/platform/db.ts." }],
          paths: [{ name: "next/link", message: "Import Link from @/components/link: it prefetches on intent, not on sight." }],
        },
      ],
    },
  },
  { files: ["lib/platform/db.ts", "components/link.tsx"], rules: { "no-restricted-imports": "off" } },
  { files: ["app/**", "components/**", "proxy.ts"], rules: { "no-restricted-syntax": ["error", ...NO_QUERIES] } },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "no-restricted-syntax": ["error", ...NO_QUERIES, NO_WRITTEN_WORDS],
      "react/jsx-no-literals": ["error", { noStrings: true, ignoreProps: true, allowedStrings: SYMBOLS }],
    },
  },
  {
    files: ["tests/e2e/**"],
    ignores: ["tests/e2e/test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", message: "Import from ./test: it closes the browser contexts a scenario opens." }] },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**"]),
]);
