import { describe, expect, it } from "vitest";
import { describeOutboxState, mailKindLabel } from "./status";
import { describeSmtpError, isPermanentSmtpFailure, mailSender, messageIdFor } from "./transport";

describe("the outbox's words", () => {
  const base = { attempts: 0, nextAttemptAt: new Date("2026-03-18T08:30:00Z"), lastError: null, sentAt: null };
  it("words each state, with times in the newsroom's zone", () => {
    expect(describeOutboxState({ ...base, status: "sent", attempts: 1, sentAt: new Date("2026-03-18T08:30:00Z") }, "Asia/Kabul")).toEqual({ label: "Sent", detail: "March 18, 2026 at 1:00 PM" });
    expect(describeOutboxState({ ...base, status: "pending" }, "Asia/Kabul")).toEqual({ label: "Waiting — next try at March 18, 2026 at 1:00 PM", detail: "" });
    expect(describeOutboxState({ ...base, status: "pending", attempts: 2, lastError: "ECONNREFUSED" }, "UTC").detail).toBe("2 tries so far; last error: ECONNREFUSED");
    expect(describeOutboxState({ ...base, status: "failed", attempts: 8, lastError: "550 No such user" }, "UTC")).toEqual({ label: "Failed after 8 tries", detail: "550 No such user" });
    expect(describeOutboxState({ ...base, status: "held" }, "UTC").label).toBe("Not sent: no mail server");
    expect(mailKindLabel("reset")).toBe("Password reset");
    expect(mailKindLabel("something_new")).toBe("something_new");
  });
});

describe("the sender and SMTP replies", () => {
  it("takes MAIL_FROM, or the site's name at no-reply@ SITE_URL's host", () => {
    expect(mailSender('"The Kabul Lantern" <news@example.org>', "ignored", "https://x.example")).toEqual({ name: "The Kabul Lantern", address: "news@example.org" });
    expect(mailSender("news@example.org", "ignored", "https://x.example")).toEqual({ name: "", address: "news@example.org" });
    expect(mailSender(undefined, "The Kabul Lantern", "https://www.kabullantern.example")).toEqual({ name: "The Kabul Lantern", address: "no-reply@kabullantern.example" });
    expect(messageIdFor("1b4e28ba-2fa1-11d2-883f-0016d3cca427", { name: "", address: "news@example.org" })).toBe("<1b4e28ba-2fa1-11d2-883f-0016d3cca427@example.org>");
  });
  it("gives up only on a permanent reply to the message, never on a refused login or a 4yz", () => {
    expect(isPermanentSmtpFailure(Object.assign(new Error("x"), { responseCode: 550, command: "RCPT TO" }))).toBe(true);
    expect(isPermanentSmtpFailure(Object.assign(new Error("x"), { responseCode: 451, command: "RCPT TO" }))).toBe(false);
    expect(isPermanentSmtpFailure(Object.assign(new Error("x"), { responseCode: 535, code: "EAUTH", command: "AUTH PLAIN" }))).toBe(false);
    expect(isPermanentSmtpFailure(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" }))).toBe(false);
    expect(describeSmtpError(Object.assign(new Error("Can't send mail"), { code: "EENVELOPE", response: "550 5.1.1  No such\r\nuser" }))).toBe("EENVELOPE: 550 5.1.1 No such user");
  });
});
