import { useEffect } from "react";

const QUESTION = "This story has unsaved changes. Leave without saving?";

/**
 * While `dirty`, leaving asks first: a reload or closed tab (beforeunload), and the desk's own
 * links and forms (sign out), which navigate without unloading the page. Links opening a new
 * tab pass, and so do links inside the body being edited (a click there places the caret),
 * and forms marked `data-keeps-page` (they never leave the page: the sign-in prompt).
 */
export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!link || e.defaultPrevented || link.getAttribute("target") === "_blank") return;
      if (link instanceof HTMLElement && link.isContentEditable) return;
      if (!window.confirm(QUESTION)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const onSubmit = (e: SubmitEvent) => {
      if (e.target instanceof HTMLFormElement && e.target.hasAttribute("data-keeps-page")) return;
      if (!window.confirm(QUESTION)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit, true);
    };
  }, [dirty]);
}
