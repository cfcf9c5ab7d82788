/** Credit lines under photos: a photographer's credit says "Photo:", a credit naming its own kind stays as written. */
import { describe, expect, it } from "vitest";
import { creditLine } from "./responsive";

describe("creditLine", () => {
  it("credits a photographer and agency as a photo, and nothing when there is no credit", () => {
    expect(creditLine({ creditName: "Sahar Ahmadi", creditOrg: "The Kabul Lantern" })).toBe("Photo: Sahar Ahmadi / The Kabul Lantern");
    expect(creditLine({ creditName: "", creditOrg: "" })).toBe("");
  });

  it("keeps a credit that names its kind, so an illustration is not called a photo", () => {
    expect(creditLine({ creditName: "Illustration: Newsroom CMS demo", creditOrg: "" })).toBe("Illustration: Newsroom CMS demo");
    expect(creditLine({ creditName: "Graphic: Mariam Haidari", creditOrg: "The Kabul Lantern" })).toBe("Graphic: Mariam Haidari / The Kabul Lantern");
  });
});
