import { describe, expect, it } from "vitest";
import { EnvError, readEnv } from "./index";

describe("environment validation", () => {
  it("defaults to the embedded database under ./data on port 3000", () => {
    const e = readEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.DATA_DIR).toBe("./data");
    expect(e.PORT).toBe(3000);
  });
  it("accepts a PostgreSQL URL and trims SITE_URL's trailing slash", () => {
    const e = readEnv({ DATABASE_URL: "postgres://127.0.0.1:5432/test", SITE_URL: "https://news.example.org/" });
    expect(e.DATABASE_URL).toBe("postgres://127.0.0.1:5432/test");
    expect(e.SITE_URL).toBe("https://news.example.org");
  });
  it("names every bad variable in one clear error", () => {
    try {
      readEnv({ DATABASE_URL: "mysql://x", PORT: "eighty", SITE_URL: "news.example.org", REDIS_URL: "127.0.0.1:6379" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      const msg = (e as Error).message;
      expect(msg).toContain("DATABASE_URL: must start with postgres://");
      expect(msg).toContain("PORT");
      expect(msg).toContain("SITE_URL: must be an absolute http(s) URL");
      expect(msg).toContain("REDIS_URL: must start with redis:// or rediss://");
    }
  });
});
