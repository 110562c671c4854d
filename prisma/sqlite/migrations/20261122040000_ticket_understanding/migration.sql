-- AlterTable (written as ADD COLUMN instead of Prisma's table rebuild: same columns, no copy, and no
-- PRAGMA foreign_keys toggling, which SQLite ignores inside the migration's transaction)
ALTER TABLE "Ticket" ADD COLUMN "needsReview" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Ticket" ADD COLUMN "urgency" TEXT NOT NULL DEFAULT 'normal';
ALTER TABLE "Ticket" ADD COLUMN "urgencySignals" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "place" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "contact" TEXT;
