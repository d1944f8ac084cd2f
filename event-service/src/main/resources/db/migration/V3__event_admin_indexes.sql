-- Deleting a hall or venue first asks whether an event uses it; the status scheduler looks for open sales
-- whose end has passed. Both stay index lookups however many events accumulate.
CREATE INDEX events_hall_idx ON events (hall_id);
CREATE INDEX events_selling_sale_ends_idx ON events (sale_ends_at) WHERE status IN ('ON_SALE', 'SOLD_OUT');
