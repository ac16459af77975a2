-- CreateTable
CREATE TABLE "AllowedOrigin" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllowedOrigin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentMode" (
    "id" TEXT NOT NULL,
    "multiplier" DOUBLE PRECISION NOT NULL DEFAULT 5,
    "reason" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedById" TEXT,
    "endedAt" TIMESTAMP(3),
    "endedById" TEXT,

    CONSTRAINT "IncidentMode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AllowedOrigin_tenantId_origin_key" ON "AllowedOrigin"("tenantId", "origin");

-- CreateIndex
CREATE INDEX "IncidentMode_endedAt_idx" ON "IncidentMode"("endedAt");

-- AddForeignKey
ALTER TABLE "AllowedOrigin" ADD CONSTRAINT "AllowedOrigin_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


