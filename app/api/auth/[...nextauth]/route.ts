// Auth.js endpoints (session, CSRF, credentials callback, sign-out).
export { GET, POST } from "@/lib/auth/handlers";
