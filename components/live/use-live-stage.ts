"use client";
// Follows an edition's stage live over Server-Sent Events. EventSource
// reconnects by itself; every (re)connection starts with the full current
// state, so a reload, a sleeping laptop, a network switch or a server restart
// all come back right. The clock is re-synchronized after each reconnection.
import { useEffect, useState } from "react";
import type { StageSnapshot } from "@/lib/stage/queries";
import type { VoteSnapshot } from "@/lib/votes/queries";

export type Connection = "connecting" | "live" | "reconnecting";

export function useLiveStage(editionSlug: string, initial: StageSnapshot, onReconnect?: () => void, initialVote: VoteSnapshot | null = null) {
  const [snapshot, setSnapshot] = useState(initial);
  const [vote, setVote] = useState<VoteSnapshot | null>(initialVote);
  const [connection, setConnection] = useState<Connection>("connecting");

  useEffect(() => {
    const source = new EventSource(`/api/editions/${editionSlug}/live`);
    let dropped = false;
    source.addEventListener("stage", (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as StageSnapshot;
      setSnapshot(next);
    });
    source.addEventListener("vote", (event) => setVote(JSON.parse((event as MessageEvent<string>).data) as VoteSnapshot));
    source.onopen = () => {
      setConnection("live");
      if (dropped) onReconnect?.();
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      setConnection("reconnecting");
    };
    return () => source.close();
  }, [editionSlug, onReconnect]);

  return { snapshot, connection, setSnapshot, vote, setVote };
}
