// GET/POST /api/auth/* — next-auth: sign-in, sign-out, session, OpenID Connect callback
import NextAuth from "next-auth";
import { authOptions } from "@/app/_lib/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
