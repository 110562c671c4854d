-- Written by hand (not in the Prisma schema, which cannot express it): one- and two-character free text in the
-- desk's search (井盖, 水). The trigram index (TicketText) needs three characters; this one holds every
-- character of the resident's words and of the place as a token of its own (the characters joined by spaces,
-- unicode61 tokenizer), so one character is a token and two are a phrase of adjacent tokens. Contentless: it
-- keeps only the index, not the text. The triggers split the text with the positions table (a trigger cannot
-- hold a WITH clause); characters after the 10,000th are not indexed for short queries. A later migration
-- that rebuilds the Ticket table must create these triggers again (src/desk/api/search-ticket-text.ts).
CREATE TABLE "TextPosition" ("n" INTEGER NOT NULL PRIMARY KEY);
WITH RECURSIVE "p"("n") AS (SELECT 1 UNION ALL SELECT "n" + 1 FROM "p" WHERE "n" < 10000)
INSERT INTO "TextPosition"("n") SELECT "n" FROM "p";
CREATE VIRTUAL TABLE "TicketChars" USING fts5("text", "place", content='', contentless_delete=1, tokenize='unicode61');
CREATE TRIGGER "Ticket_chars_ai" AFTER INSERT ON "Ticket" BEGIN
  INSERT INTO "TicketChars"(rowid, "text", "place") VALUES (new."id",
    (SELECT group_concat(substr(new."text", "n", 1), ' ' ORDER BY "n") FROM "TextPosition" WHERE "n" <= length(new."text")),
    (SELECT group_concat(substr(new."place", "n", 1), ' ' ORDER BY "n") FROM "TextPosition" WHERE "n" <= length(new."place")));
END;
CREATE TRIGGER "Ticket_chars_ad" AFTER DELETE ON "Ticket" BEGIN
  DELETE FROM "TicketChars" WHERE rowid = old."id";
END;
CREATE TRIGGER "Ticket_chars_au" AFTER UPDATE OF "text", "place" ON "Ticket" BEGIN
  DELETE FROM "TicketChars" WHERE rowid = old."id";
  INSERT INTO "TicketChars"(rowid, "text", "place") VALUES (new."id",
    (SELECT group_concat(substr(new."text", "n", 1), ' ' ORDER BY "n") FROM "TextPosition" WHERE "n" <= length(new."text")),
    (SELECT group_concat(substr(new."place", "n", 1), ' ' ORDER BY "n") FROM "TextPosition" WHERE "n" <= length(new."place")));
END;
INSERT INTO "TicketChars"(rowid, "text", "place")
SELECT "t"."id",
  (SELECT group_concat(substr("t"."text", "n", 1), ' ' ORDER BY "n") FROM "TextPosition" WHERE "n" <= length("t"."text")),
  (SELECT group_concat(substr("t"."place", "n", 1), ' ' ORDER BY "n") FROM "TextPosition" WHERE "n" <= length("t"."place"))
FROM "Ticket" AS "t";
