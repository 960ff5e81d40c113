// What a live view of an edition starts from: the stage, the vote, the
// voting link and its QR code.
import "server-only";
import { getDb } from "@/lib/platform/db";
import { qrSvg } from "@/lib/platform/qr";
import { stageSnapshot } from "@/lib/stage/queries";
import { snapshotSaid, voteSnapshot } from "@/lib/votes/queries";
import { publicOrigin } from "./origin";
import { translator } from "./translate";

export async function loadLiveView(edition: { id: string; slotSeconds: number; changeoverSeconds: number }, withQr: boolean) {
  const db = getDb();
  const [initial, vote, origin, say] = await Promise.all([stageSnapshot(db, edition), voteSnapshot(db, edition.id), publicOrigin(), translator()]);
  // the podium's sentences said here (the live stream's are said in the browser)
  const initialVote = snapshotSaid(vote, say);
  const voteUrl = `${origin}/vote/${initialVote.joinCode}`;
  return { initial, initialVote, voteUrl, qrSvg: withQr ? await qrSvg(voteUrl) : undefined };
}
