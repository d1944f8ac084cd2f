-- Numbered V20 so that migrations other branches add in the meantime (V3, V4, ...) keep running first.
-- The admin dashboard counts payments by outcome over a period, for every event or one.
CREATE INDEX payments_created ON payments (created_at);
CREATE INDEX payments_event_created ON payments (event_id, created_at);
