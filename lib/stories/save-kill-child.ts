/**
 * The desk process that save-durability.int.test.ts kills with SIGKILL: opens an embedded
 * database on disk (already migrated), creates an editor, saves a draft with the given
 * headline through the desk's own saveStory, writes "saved <story id> <version>" to stdout
 * once saveStory has returned, and never closes the database (so nothing but the save's own
 * commit can have reached the disk).
 * Usage: node --conditions=react-server --import tsx lib/stories/save-kill-child.ts <dataDir> <headline>
 */
import { openDatabase } from "@/db/client";
import { setDatabase } from "@/db/handle";
import { loadViewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { createUser } from "@/lib/users/store";
import { saveStory } from "./desk";

/** Never settles; a timer keeps the process alive until it is killed. */
const waitForever = () => new Promise<never>(() => setInterval(() => {}, 60_000));

async function main(): Promise<void> {
  const [dataDir, headline] = process.argv.slice(2);
  if (!dataDir || !headline) throw new Error("usage: save-kill-child.ts <dataDir> <headline>");
  setDatabase(await openDatabase({ dataDir }));
  const userId = await createUser({ email: "durable-editor@example.org", name: "Durable Editor", role: "editor", password: "correct horse battery" });
  const viewer = await loadViewer(userId);
  if (!viewer) throw new Error("the new editor could not be loaded");
  const saved = await saveStory(viewer, { title: headline, body: JSON.stringify(bodyFromParagraphs([`${headline}: the body of the draft.`])) });
  process.stdout.write(`saved ${saved.id} ${saved.version}\n`);
  await waitForever();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
