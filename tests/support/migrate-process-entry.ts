// A process that migrates one archive and says when it begins, for tests that kill it part-way.
import { migrateDatabase } from "../../src/store/migrate.js";

process.stdout.write("migrating\n");
await migrateDatabase(process.argv[2]);
process.stdout.write("migrated\n");
