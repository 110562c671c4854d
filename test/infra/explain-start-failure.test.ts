// Start-up failures an operator can act on are said in plain words; anything else keeps its stack.
import { expect, it } from "vitest";
import { explainStartFailure } from "../../src/infra/explain-start-failure.ts";

const config = { port: 3000, host: "0.0.0.0", databaseUrl: "postgresql://minyi:secret@db:5432/minyi" };

it("says the port is taken, the database is unreachable without its password, or a file is missing", () => {
  expect(explainStartFailure(Object.assign(new Error("listen"), { code: "EADDRINUSE" }), config)).toMatch(
    /^Port 3000 .* already in use/,
  );
  const refused = explainStartFailure(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }), config);
  expect(refused).toContain("postgresql://…@db:5432/minyi");
  expect(refused).not.toContain("secret");
  expect(
    explainStartFailure(Object.assign(new Error("open"), { code: "ENOENT", path: "/etc/minyi/groups.json" }), config),
  ).toContain("/etc/minyi/groups.json");
  expect(explainStartFailure(new Error("something else"), config)).toBeNull();
});
