import { hostname } from 'node:os';

/** The process that owns a running row: it alone may finish it. */
export interface Owner {
  readonly pid: number;
  readonly hostname: string;
}

export function currentOwner(): Owner {
  return { pid: process.pid, hostname: hostname() };
}

/**
 * Whether a row's owner may still be running. A process on another host cannot be checked, so it
 * counts as alive; here, signal 0 probes without touching it (EPERM: alive but someone else's).
 */
export function ownerAlive(owner: Owner, here: Owner = currentOwner()): boolean {
  if (owner.hostname !== here.hostname) return true;
  if (owner.pid === here.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
