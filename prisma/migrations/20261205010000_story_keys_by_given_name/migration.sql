-- A person's story keys are now their surname's bucket with their given name (matchKeys in
-- src/link/same-person.ts), not the bucket alone: the old keys go, and every dated
-- article's keys are computed again from its stored features on this start, right after
-- the migrations (fillMissingStoryKeys in src/store/story-keys.ts).
DELETE FROM "story_keys";
