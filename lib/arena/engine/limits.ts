/** A bot is one file of at most 64 KB. */
export const MAX_BOT_BYTES = 64 * 1024;
