// GET /api/me/data — signed in: everything Hexathon keeps about the caller, as a
// JSON file to take away (their profile, topics, interests, teams, articles,
// ballots, judgments and email settings). Personal: never cached.
import { withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { myData } from "@/lib/people/portability";

export const dynamic = "force-dynamic";

export const GET = withUser(async (_request, { user }) => {
  const data = await myData(getDb(), user);
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="hexathon-my-data-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
