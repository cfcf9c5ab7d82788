/** GET /api/import/<id>: a run's status, progress (items done / total) and, when finished, its report. Admins only. */
import { requireViewer } from "@/lib/auth/viewer";
import { toResponse } from "@/lib/errors";
import { getRun } from "@/lib/import/runs";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    return Response.json(await getRun(await requireViewer(), (await ctx.params).id), { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return toResponse(e, "import status");
  }
}
