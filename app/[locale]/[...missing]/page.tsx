// Any address no page answers: the 404 page, rendered per request (the
// prerendered one couldn't carry the request's script nonce).
import { notFound } from "next/navigation";
import { connection } from "next/server";

export default async function Missing() {
  await connection();
  notFound();
}
