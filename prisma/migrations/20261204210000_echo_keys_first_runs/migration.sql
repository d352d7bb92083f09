-- Echo keys now mark each quote's first run in their lowest bit (src/store/echo-keys.ts), so
-- that a new quote reads the stored quotes it may echo by their first runs, not every stored
-- quote it shares any run with. The old keys are dropped here and the first start after this
-- migration writes every quote's keys again (fillMissingEchoKeys: 12 s for the 244,000 quotes
-- of 100,000 articles). Written by hand: no change to the schema.
DELETE FROM "quote_echo_keys";
