import { spawn } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "./run-script.js";

export interface ServerProcess {
  url: string;
  /** Everything the process wrote to stdout so far. */
  readonly stdout: string;
  stop(): Promise<void>;
}

/** The API served by a process of its own over the archive at `databaseUrl`, for tests that read its output. */
export function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "tests", "support", "server-process-entry.ts")], {
    cwd: projectRoot,
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
      const m = /listening (\S+)/.exec(stderr);
      if (m) {
        resolve({
          url: m[1],
          get stdout() {
            return stdout;
          },
          async stop() {
            child.kill("SIGTERM");
            await exited;
          },
        });
      }
    });
    child.once("close", (code) => reject(new Error(`the server process exited with ${code} before listening:\n${stderr}`)));
  });
}
