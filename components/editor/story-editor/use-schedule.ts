import { useState } from "react";
import { instantToZonedLocal } from "@/lib/publishing/zoned-time";

/**
 * The schedule form's state: whether it is open, and the time typed, as newsroom wall-clock
 * "YYYY-MM-DDTHH:mm:ss" in `timeZone` (an hour from now, on the minute, until opened on a
 * scheduled story, which starts from its scheduled time).
 */
export function useSchedule(timeZone: string) {
  const [scheduling, setScheduling] = useState(false);
  const [scheduleAt, setScheduleAt] = useState(() => instantToZonedLocal(new Date(Date.now() + 3_600_000), timeZone).slice(0, 16) + ":00");
  /** Opens the form; `scheduledFor` (ISO instant) is the story's current schedule, if any. */
  const open = (scheduledFor: string | null) => {
    if (scheduledFor) setScheduleAt(instantToZonedLocal(new Date(scheduledFor), timeZone));
    setScheduling(true);
  };
  return { scheduling, setScheduling, scheduleAt, setScheduleAt, open };
}

export type ScheduleState = ReturnType<typeof useSchedule>;
