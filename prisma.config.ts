import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./src/store/database-url.js";

// engine "js" with the better-sqlite3 adapter: the only Prisma 6 setup that needs no
// downloaded engine binary (see ../shared/TOOLCHAIN.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseUrl() });
  },
});
