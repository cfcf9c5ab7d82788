/**
 * Runs once when a Next.js server process starts. The Node-only work (migrations) lives in
 * instrumentation-node.ts so the Edge bundle never sees it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}
