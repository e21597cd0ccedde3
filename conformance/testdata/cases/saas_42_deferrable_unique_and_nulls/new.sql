-- Reordering swaps positions inside a transaction, so the uniqueness is
-- deferred; external references are unique even when null.
CREATE TABLE playlist_items (
    playlist_id bigint NOT NULL,
    position integer NOT NULL,
    track_id bigint NOT NULL,
    external_ref text,
    CONSTRAINT playlist_items_position_key UNIQUE (playlist_id, position) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT playlist_items_ref_key UNIQUE NULLS NOT DISTINCT (playlist_id, external_ref)
);
