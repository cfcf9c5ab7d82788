/**
 * The one extension list for story bodies, shared by the desk's Tiptap editor and the
 * server renderer, so what an editor sees is what readers get.
 *
 * Text direction: every block carries `dir` (default "auto", so each paragraph of a mixed
 * Dari/English story takes the direction of its first strong character; Tiptap writes no
 * per-block `dir` on its own: https://github.com/ueberdosis/tiptap/issues/116). The editor
 * passes `textDirection: TEXT_DIRECTION`; the server passes the same as a static option.
 */
import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { StoryPhoto } from "./image-node";
import { checkAddress } from "@/lib/text/urls";

export const TEXT_DIRECTION = "auto" as const;

function allowedLink(url: string): boolean {
  const checked = checkAddress(url, "link");
  return checked.ok && checked.href !== "";
}

export const storyExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: ["mailto", "tel"],
      // Links stay in the same tab; internal links get no rel="nofollow" (our own pages must not
      // be marked as untrusted to search engines).
      HTMLAttributes: { target: null, rel: null },
      // The one address rule for links (absolute web, mailto:, tel:, site paths); the server
      // applies it again when the body is saved.
      isAllowedUri: allowedLink,
      shouldAutoLink: allowedLink,
    },
  }),
  StoryPhoto,
];
