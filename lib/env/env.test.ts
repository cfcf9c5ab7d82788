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
  it("takes SMTP_URL as smtp:// or smtps://, with or without a login, and leaves it unset by default", () => {
    expect(readEnv({}).SMTP_URL).toBeUndefined();
    expect(readEnv({}).MAIL_FROM).toBeUndefined();
    for (const url of ["smtp://user:p%40ss@mail.example.org:587", "smtps://mail.example.org:465", "smtp://127.0.0.1:2525"]) {
      expect(readEnv({ SMTP_URL: url }).SMTP_URL).toBe(url);
    }
    expect(readEnv({ SMTP_URL: "  " }).SMTP_URL).toBeUndefined();
    expect(readEnv({ MAIL_FROM: '"The Kabul Lantern" <news@example.org>' }).MAIL_FROM).toBe('"The Kabul Lantern" <news@example.org>');
    expect(readEnv({ MAIL_FROM: "news@example.org" }).MAIL_FROM).toBe("news@example.org");
  });
  it("refuses an SMTP_URL that is not a URL, has another scheme or no host, naming SMTP_URL", () => {
    for (const bad of ["mail.example.org:587", "http://mail.example.org", "smtp://", "smtp:mail.example.org", "not a url"]) {
      expect(() => readEnv({ SMTP_URL: bad }), bad).toThrow(EnvError);
      expect(() => readEnv({ SMTP_URL: bad }), bad).toThrow(/SMTP_URL: must be a URL like smtp:\/\/user:password@mail\.example\.org:587/);
    }
  });
  it("refuses a MAIL_FROM that is not one address, naming MAIL_FROM", () => {
    for (const bad of ["news", "The Lantern", "a@example.org, b@example.org", "news@example.org\r\nBcc: x@example.org", "Lantern <news>"]) {
      expect(() => readEnv({ MAIL_FROM: bad }), bad).toThrow(/MAIL_FROM: must be an address/);
    }
  });
});
