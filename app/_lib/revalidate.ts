import "server-only";
import { revalidatePath } from "next/cache";
import { formatEditionNumber } from "@/lib/domain";

/** Everything under /editions/<hex> shows the same topics and teams: refresh it all after a change. */
export function revalidateEdition(number: number) {
  revalidatePath(`/editions/${formatEditionNumber(number)}`, "layout");
  revalidatePath("/", "page");
}
