-- CreateEnum
CREATE TYPE "FailureMode" AS ENUM ('OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "failureMode" "FailureMode" NOT NULL DEFAULT 'OPEN',
ADD COLUMN     "ipPerMinute" INTEGER,
ADD COLUMN     "keyBurst" INTEGER,
ADD COLUMN     "keyPerHour" INTEGER,
ADD COLUMN     "keyPerMinute" INTEGER,
ADD COLUMN     "planId" TEXT NOT NULL DEFAULT 'plan_developer',
ADD COLUMN     "policyVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "poolPointsPerMinute" INTEGER,
ADD COLUMN     "publishedVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "poolPointsPerMinute" INTEGER NOT NULL,
    "keyPerMinute" INTEGER NOT NULL,
    "keyPerHour" INTEGER NOT NULL,
    "keyBurst" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- The plans of the requirement documents: per-key limits from the tiers table (seed 004),
-- tenant pool points from the point budgets (seed 002: Build 100/min, Enterprise 1,000/min;
-- Developer takes Build's budget, Professional's 300 sits between them).
INSERT INTO "Plan" ("id", "name", "poolPointsPerMinute", "keyPerMinute", "keyPerHour", "keyBurst") VALUES
  ('plan_developer', 'Developer', 100, 60, 1000, 10),
  ('plan_professional', 'Professional', 300, 300, 10000, 50),
  ('plan_enterprise', 'Enterprise', 1000, 2000, 100000, 200);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "rotatedToId" TEXT,
    "perMinute" INTEGER,
    "perHour" INTEGER,
    "burst" INTEGER,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EndpointRule" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "pathPattern" TEXT NOT NULL,
    "cost" INTEGER NOT NULL DEFAULT 1,
    "perMinute" INTEGER,
    "exempt" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EndpointRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Adjustment" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "multiplier" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Adjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ServiceToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Plan_name_key" ON "Plan"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_tenantId_createdAt_idx" ON "ApiKey"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EndpointRule_tenantId_method_pathPattern_key" ON "EndpointRule"("tenantId", "method", "pathPattern");

-- CreateIndex
CREATE INDEX "Adjustment_tenantId_endsAt_idx" ON "Adjustment"("tenantId", "endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceToken_hash_key" ON "ServiceToken"("hash");

-- CreateIndex
CREATE INDEX "Tenant_publishedVersion_policyVersion_idx" ON "Tenant"("publishedVersion", "policyVersion");

-- AddForeignKey
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EndpointRule" ADD CONSTRAINT "EndpointRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adjustment" ADD CONSTRAINT "Adjustment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


