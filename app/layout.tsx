// Every page's layout is app/[locale]/layout.tsx, in the reader's language;
// this one only hands its children on (Next.js asks for a root layout).
import type { ReactNode } from "react";

export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
