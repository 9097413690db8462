-- The five principle entries of unit $1; a principle never saved is not_started, version 0.
SELECT p.n::int AS principle,
       COALESCE(up.status, 'not_started') AS status,
       up.evidence,
       to_char(up.last_reviewed, 'YYYY-MM-DD') AS last_reviewed,
       COALESCE(up.version, 0)::int AS version,
       ps_iso(up.updated_at) AS updated_at
FROM generate_series(1, 5) AS p(n)
LEFT JOIN unit_principles up ON up.unit_id = $1::int AND up.principle = p.n
ORDER BY p.n
