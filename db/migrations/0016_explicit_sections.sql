-- Sections become explicit: the navigation shows only the tags an editor marked as sections.
-- A site where no tag was marked showed the tags that are stories' sections, most recently
-- published first (at most 8); mark exactly those, in that order, so readers see the same
-- navigation after this migration as before it. Sites with marked sections are left alone.
WITH active AS (
  SELECT t.id, row_number() OVER (ORDER BY max(s.published_at) DESC) AS position
  FROM tags t
  JOIN stories s ON s.primary_tag_id = t.id
  WHERE s.status = 'published' AND s.published_at IS NOT NULL AND s.published_at <= now()
  GROUP BY t.id
)
UPDATE tags
SET is_section = true, section_order = active.position
FROM active
WHERE tags.id = active.id
  AND active.position <= 8
  AND NOT EXISTS (SELECT 1 FROM tags marked WHERE marked.is_section);
