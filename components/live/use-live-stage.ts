"use client";
// Follows an edition's stage live over Server-Sent Events (useEventStream
// reconnects, whatever the failure); every (re)connection starts with the full current
// state, so a reload, a sleeping laptop, a network switch or a server restart
// all come back right. The clock is re-synchronized after each reconnection.
import { useRef, useState } from "react";
import { useEventStream } from "./use-event-stream";
import type { StageSnapshot } from "@/lib/stage/queries";
import type { VoteSnapshot } from "@/lib/votes/queries";

export type Connection = "connecting" | "live" | "reconnecting";

export function useLiveStage(editionSlug: string, initial: StageSnapshot, onReconnect?: () => void, initialVote: VoteSnapshot | null = null) {
  const [snapshot, setSnapshot] = useState(initial);
  const [vote, setVote] = useState<VoteSnapshot | null>(initialVote);
  const [connection, setConnection] = useState<Connection>("connecting");

  const dropped = useRef(false);
  useEventStream(
    `/api/editions/${editionSlug}/live`,
    { stage: (next: StageSnapshot) => setSnapshot(next), vote: (next: VoteSnapshot) => setVote(next) },
    {
      onOpen: () => {
        setConnection("live");
        if (dropped.current) onReconnect?.();
        dropped.current = false;
      },
      onError: () => {
        dropped.current = true;
        setConnection("reconnecting");
      },
    },
  );

  return { snapshot, connection, setSnapshot, vote, setVote };
}
