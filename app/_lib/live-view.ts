// What a live view of an edition starts from: the stage, the vote, the
// voting link and its QR code.
import "server-only";
import { getDb } from "@/lib/platform/db";
import { qrSvg } from "@/lib/platform/qr";
import { stageSnapshot } from "@/lib/stage/queries";
import { voteSnapshot } from "@/lib/votes/queries";
import { publicOrigin } from "./origin";

export async function loadLiveView(edition: { id: string; slotSeconds: number; changeoverSeconds: number }, withQr: boolean) {
  const db = getDb();
  const [initial, initialVote, origin] = await Promise.all([stageSnapshot(db, edition), voteSnapshot(db, edition.id), publicOrigin()]);
  const voteUrl = `${origin}/vote/${initialVote.joinCode}`;
  return { initial, initialVote, voteUrl, qrSvg: withQr ? await qrSvg(voteUrl) : undefined };
}
