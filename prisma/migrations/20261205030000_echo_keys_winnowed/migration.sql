-- Echo keys are now winnowed: of every three consecutive runs of a quote only the lowest key is
-- kept, and a new quote looks up all its runs (src/store/echo-keys.ts); first runs are no
-- longer marked. The old keys are dropped here and the first start after this migration
-- writes every quote's keys again (fillMissingEchoKeys). Written by hand: no change to the
-- schema.
DELETE FROM "quote_echo_keys";
