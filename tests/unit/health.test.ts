import { describe, expect, it } from "vitest";
import { describeDatabaseError } from "@/lib/platform/health";

describe("describeDatabaseError", () => {
  it("names the problem when pg's AggregateError has no message of its own", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const refused6 = Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" });
    const aggregate = Object.assign(new AggregateError([refused, refused6], ""), { code: "ECONNREFUSED" });
    expect(describeDatabaseError(aggregate)).toBe("connect ECONNREFUSED 127.0.0.1:5432; connect ECONNREFUSED ::1:5432");
  });

  it("keeps a code when there is no message, and says something when there is nothing", () => {
    expect(describeDatabaseError(Object.assign(new Error(""), { code: "ETIMEDOUT" }))).toBe("ETIMEDOUT");
    expect(describeDatabaseError({})).toBe("no answer");
  });

  it("never repeats a password from a connection string", () => {
    const error = new Error('password authentication failed for "postgresql://hexathon:s3cret@db.internal:5432/hexathon"');
    expect(describeDatabaseError(error)).toBe('password authentication failed for "postgresql://…@db.internal:5432/hexathon"');
  });
});

describe("describeDatabaseError with Prisma's wrapping", () => {
  it("takes the driver's words out of Prisma's message", () => {
    const error = Object.assign(
      new Error("\nInvalid `prisma.$queryRawUnsafe()` invocation:\n\n\nRaw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:1`"),
      { code: "P2010" },
    );
    expect(describeDatabaseError(error)).toBe("Can't reach database server at 127.0.0.1:1");
    expect(describeDatabaseError(Object.assign(new Error("x"), { meta: { message: "Can't reach database server at db:5432" } }))).toBe(
      "Can't reach database server at db:5432",
    );
  });
});
