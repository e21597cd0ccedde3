CREATE TABLE playlist_items (
    playlist_id bigint NOT NULL,
    position integer NOT NULL,
    track_id bigint NOT NULL,
    external_ref text
);
