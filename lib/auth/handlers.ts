/** The Auth.js route handlers, re-exported so app/ never imports next-auth directly. */
import "server-only";
import { handlers } from "./nextauth";

export const { GET, POST } = handlers;
