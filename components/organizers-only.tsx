"use client";
// What someone who isn't an organizer finds on an edition's organizer pages
// (the guard of app/editions/[slug]/(organizer)/layout.tsx): which page it is,
// and where to go instead.
import { useSelectedLayoutSegment } from "next/navigation";
import Link from "@/components/link";
import { NotAllowed } from "@/components/ui";

export function OrganizersOnly({ hex }: { hex: string }) {
  const page = useSelectedLayoutSegment();
  const link = (rest: string, text: string) => (
    <Link href={`/editions/${hex}${rest}`} className="underline">
      {text}
    </Link>
  );
  switch (page) {
    case "stage":
      return <NotAllowed title="Stage control">Only organizers run the presentations. Follow them live on the {link("/live", "live page")}.</NotAllowed>;
    case "vote":
      return <NotAllowed title="Vote control">Only organizers open and close the vote.</NotAllowed>;
    case "prizes":
      return <NotAllowed title="Jury prizes">Only organizers define and award prizes. Judges vote on the {link("/jury", "jury page")}.</NotAllowed>;
    default:
      return <NotAllowed title={`Manage ${hex}`}>Only organizers can manage editions.</NotAllowed>;
  }
}
