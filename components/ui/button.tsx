/**
 * Buttons with the desk's look, and the same look for a link that acts as a button. Server
 * Component safe (no hooks); event handlers pass through from client components.
 */
import Link from "next/link";

/** `primary`: the form's main action; `secondary`: a quieter one; `danger`: merges and deletes. */
export type ButtonVariant = "primary" | "secondary" | "danger";
/** `md`: a form's submit; `sm`: a toolbar or filter; `xs`: inside a table row. */
export type ButtonSize = "md" | "sm" | "xs";

const VARIANT: Record<ButtonVariant, string> = {
  primary: "bg-neutral-900 text-white hover:bg-neutral-700",
  secondary: "border border-neutral-400 hover:bg-neutral-100",
  danger: "border border-red-700 text-red-800 hover:bg-red-50",
};

const SIZE: Record<ButtonSize, string> = {
  md: "px-4 py-2",
  sm: "px-3 py-1.5 text-sm",
  xs: "px-2 py-1 text-xs",
};

type Look = { variant?: ButtonVariant; size?: ButtonSize; className?: string };

/** The class of a button of this look, followed by `className` when given. */
export function buttonClass({ variant = "primary", size = "md", className }: Look = {}): string {
  const base = `rounded font-semibold disabled:opacity-60 ${VARIANT[variant]} ${SIZE[size]}`;
  return className ? `${base} ${className}` : base;
}

/** A `<button>`; `type` is "button" unless given (pass "submit" in forms). */
export function Button({ variant, size, className, type = "button", ...rest }: Omit<React.ComponentProps<"button">, "className"> & Look) {
  return <button type={type} {...rest} className={buttonClass({ variant, size, className })} />;
}

/** A next/link `<a>` that looks like a button. */
export function ButtonLink({ variant, size, className, ...rest }: Omit<React.ComponentProps<typeof Link>, "className"> & Look) {
  return <Link {...rest} className={buttonClass({ variant, size, className })} />;
}
