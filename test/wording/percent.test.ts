import { expect, it } from "vitest";
import { percent } from "../../src/wording/percent.ts";

it("writes a rate to one decimal, drops a trailing .0, and shows a dash when there is nothing to divide by", () => {
  expect(percent(4236 / 4530)).toBe("93.5%");
  expect(percent(1 / 3)).toBe("33.3%");
  expect(percent(0.2)).toBe("20%");
  expect(percent(1)).toBe("100%");
  expect(percent(0)).toBe("0%");
  expect(percent(null)).toBe("—");
});
