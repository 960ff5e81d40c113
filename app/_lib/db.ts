// The database client for pages, actions and routes, which hand it to lib/
// and never query it themselves (ESLint refuses Prisma calls outside lib/):
// app/ reaches the client only through here, so a change of how requests get
// their client (a read replica, a per-request scope) is made in one place.
export { getDb } from "@/lib/platform/db";
