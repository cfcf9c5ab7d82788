/** The desk's names for the roles: what the header shows and what the role pickers offer, in order. */
export const ROLE_LABEL = { writer: "Writer", editor: "Editor", admin: "Admin" } as const;

/** The roles an admin can give, as picker options, least power first. */
export const ROLE_OPTIONS = (Object.keys(ROLE_LABEL) as (keyof typeof ROLE_LABEL)[]).map((value) => ({ value, label: ROLE_LABEL[value] }));
