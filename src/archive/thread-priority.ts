// Lowering the priority of one thread, not its whole process: on Linux a thread has its own
// nice value, set through its thread id, which /proc/thread-self names.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Sets the calling thread's nice value (0 normal, 19 lowest). False where the platform has no
 * per-thread priority this way (not Linux) or refuses it; the thread then runs as before.
 */
export function setThreadNiceness(niceness: number): boolean {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, niceness);
    return true;
  } catch {
    return false;
  }
}
