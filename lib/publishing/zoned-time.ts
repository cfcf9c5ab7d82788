/**
 * Converting between the newsroom's wall-clock time and instants. Editors type a local date
 * and time in the newsroom's IANA zone (never the server's or the browser's); we store the
 * instant in UTC. The offset used is the one in force *on that date* (DST included), from
 * the IANA database via date-fns-tz. WordPress, for one, shows times in the server's zone
 * instead of the site's; here the process zone never matters.
 */
import { formatInTimeZone, fromZonedTime } from "date-fns-tz";

/** The `datetime-local` format: "YYYY-MM-DDTHH:mm" with optional ":ss". */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Thrown for a malformed or non-existent local time; `message` is for people. */
export class LocalTimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LocalTimeError";
  }
}

/**
 * The instant of a wall-clock time in a zone.
 * @param local "2025-03-30T09:00" (seconds optional), as a `datetime-local` input sends it.
 * @param timeZone IANA zone, e.g. "Asia/Kabul".
 * @throws LocalTimeError for a malformed value, or a time that does not exist in the zone
 *   (skipped by a DST change, e.g. 01:30 in London on 2025-03-30).
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date {
  const m = LOCAL.exec(local.trim());
  if (!m) throw new LocalTimeError("Enter a date and time (YYYY-MM-DD HH:MM).");
  const normalized = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}`;
  const instant = fromZonedTime(normalized, timeZone);
  if (Number.isNaN(instant.getTime())) throw new LocalTimeError("That date and time is not valid.");
  // Round trip: a wall time skipped by a DST change comes back different.
  if (formatInTimeZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ss") !== normalized) {
    throw new LocalTimeError(`${local.replace("T", " ")} does not exist in ${timeZone} (the clocks change then). Pick another time.`);
  }
  return instant;
}

/** The `datetime-local` value ("YYYY-MM-DDTHH:mm:ss") of an instant in a zone. */
export function instantToZonedLocal(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ss");
}

