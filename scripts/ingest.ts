// npm run ingest -- [--max-bytes N] [--workers N] PATH...   Adds articles to the archive at DATABASE_URL.
// Prints a line per file and a total; exits 1 if any file failed, 3 if it stopped because the disk filled.
import { ingestCommand } from "./cli/ingest-command.js";

process.exitCode = await ingestCommand(process.argv.slice(2));
