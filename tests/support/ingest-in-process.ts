// `npm run ingest` called in the test's own process: the same command, arguments, lines and
// exit code as the script, without a script's start-up (seconds a run: tsx, the language
// model, and a worker pool unless `--workers 0`). Tests of what only a process shows (a
// stack trace on stderr, a kill, a terminal) run the script itself.
import { ingestCommand } from "../../scripts/cli/ingest-command.js";
import type { ScriptRun } from "./run-script.js";

export async function ingestInProcess(databaseUrl: string, args: string[]): Promise<ScriptRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io = { out: (line: string) => stdout.push(line), err: (line: string) => stderr.push(line), stop() {} };
  const code = await ingestCommand(args, io, { DATABASE_URL: databaseUrl });
  const text = (lines: string[]) => lines.map((l) => `${l}\n`).join("");
  return { code, stdout: text(stdout), stderr: text(stderr) };
}
