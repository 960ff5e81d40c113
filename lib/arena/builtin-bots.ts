// Kept for the pages and tests that import the rock-paper-scissors bots from here: they now live with their game.
export { RPS_STARTER_BOT as STARTER_BOT, RPS_BOTS as BUILTIN_BOTS } from "./games/rps-bots";
