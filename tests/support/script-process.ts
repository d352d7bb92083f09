import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "./run-script.js";

export interface ScriptExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ScriptProcess {
  child: ChildProcess;
  /** Output so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Settles when the process has exited and its output is read. */
  exited: Promise<ScriptExit>;
}

/**
 * Starts `scripts/<script>` with tsx in a process of its own and returns at once, for tests
 * that act while it runs (query a server during an ingest, kill an ingest half-way). The
 * script runs as node's own child, not under npm, so a signal reaches the script itself.
 */
export function startScript(script: string, args: string[], env: Record<string, string> = {}): ScriptProcess {
  const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "scripts", script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  child.stdout!.setEncoding("utf8").on("data", (s: string) => (output.stdout += s));
  child.stderr!.setEncoding("utf8").on("data", (s: string) => (output.stderr += s));
  const exited = new Promise<ScriptExit>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, ...output }));
  });
  return {
    child,
    get stdout() {
      return output.stdout;
    },
    get stderr() {
      return output.stderr;
    },
    exited,
  };
}
