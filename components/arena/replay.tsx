"use client";
// A match's replay, drawn by its game's view.
import type { MatchRecord } from "@/lib/arena/engine/record";
import { ConnectFourReplay } from "./connect-four-replay";
import { RpsReplay } from "./rps-replay";

export function Replay({ record, names }: { record: MatchRecord; names: [string, string] }) {
  return record.game === "connect4" ? <ConnectFourReplay record={record} names={names} /> : <RpsReplay record={record} names={names} />;
}
