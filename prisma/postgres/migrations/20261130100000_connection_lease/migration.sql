-- CreateTable
CREATE TABLE "ConnectionLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectionLease_pkey" PRIMARY KEY ("name")
);

