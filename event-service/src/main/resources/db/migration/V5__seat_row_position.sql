-- Where each seat's row stands in the hall template the seats were generated from (0 = the template's first
-- row, counting across sections), so that the seat layout can show sections and rows in the order the
-- template gave them. The hall's current template cannot tell: it may have been edited since. Seats of events
-- created before this column stay NULL and their layout falls back to natural order.
ALTER TABLE seats ADD COLUMN row_position integer CHECK (row_position >= 0);
