/**
 * POST /login/session: signs in without leaving the page, for the story editor after a save
 * came back "signed out" (components/editor/story-editor/sign-in-again.tsx). A route handler
 * rather than a server action: an action that sets cookies makes Next re-render the page in
 * the same request, with the request's old (signed-out) cookies, and the desk's layout then
 * sends the page to /login, away from the unsaved text.
 *
 * Takes JSON `{ email, password }`; answers `{ ok: true }` with the session cookie set, or
 * `{ error }` with 400 (missing or malformed), 401 (wrong e-mail or password, or held: the
 * sign-in form's rate limits and messages, lib/auth) or 403 (from another site). Never a
 * redirect.
 */
import { siteUrl } from "@/lib/env";
import { INVALID_CREDENTIALS, signInWithPassword } from "@/lib/auth/session";
import { toResponse } from "@/lib/errors";
import { refuseCrossSite } from "@/lib/site/same-origin";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  const crossSite = refuseCrossSite(request, new URL(siteUrl()).origin);
  if (crossSite) return crossSite;
  try {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return Response.json({ error: "Send the e-mail address and password as JSON." }, { status: 400, headers: NO_STORE });
    }
    const { email, password } = (typeof body === "object" && body !== null ? body : {}) as { email?: unknown; password?: unknown };
    const e = typeof email === "string" ? email.trim() : "";
    const p = typeof password === "string" ? password : "";
    if (!e || !p) return Response.json({ error: "Enter your email and password." }, { status: 400, headers: NO_STORE });
    if (e.length > 320 || p.length > 512) return Response.json({ error: INVALID_CREDENTIALS }, { status: 401, headers: NO_STORE });
    const result = await signInWithPassword(e, p);
    if (!result.ok) return Response.json({ error: result.error }, { status: 401, headers: NO_STORE });
    return Response.json({ ok: true }, { headers: NO_STORE });
  } catch (e) {
    return toResponse(e, "POST /login/session", "Signing in failed on the server. Your text is still here; try again.");
  }
}
