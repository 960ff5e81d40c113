"use client";
// Next.js's <Link>, prefetching only on intent. By default every link that
// scrolls into view asks the server to render its page ahead of time: the
// header, a topic list and an edition page made ~20 such renders per page
// view (twice, since the header re-renders once it knows the reader), so a
// room of 500 phones opening the vote page cost 10,000 renders of pages
// nobody opened. Here a page is fetched ahead only when a link is hovered,
// focused or touched: navigation still feels instant, and a page view costs
// the links the reader actually reaches for.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type Props = ComponentProps<typeof NextLink>;

export default function Link({ href, prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useRouter();
  const url = typeof href === "string" ? href : null;
  const onIntent = () => {
    if (prefetch !== false && url?.startsWith("/")) router.prefetch(url);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        onIntent();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        onIntent();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        onIntent();
        onTouchStart?.(event);
      }}
    />
  );
}
