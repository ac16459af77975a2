import "dotenv/config";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Not env("DATABASE_URL"): that throws when unset and would break `prisma generate` in builds.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
