// The explorer's operations are persisted queries the server knows from the start: the
// build (scripts/build-explorer.ts) lists them by sha256, and Apollo's persisted-query cache
// looks there first. A browser sends only the hash, over GET, and never needs the protocol's
// second round trip (hash unknown → send the text) unless the bundle changed under a
// running server. Any other client's queries go to the bounded in-memory cache as before.
import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";

// Apollo prefixes its persisted-query keys (requestPipeline.ts's APQ_CACHE_PREFIX).
const APQ_PREFIX = "apq:";

export class KnownOperationsCache implements KeyValueCache<string> {
  private readonly rest: KeyValueCache<string> = new InMemoryLRUCache<string>() // Apollo's default: bounded at about 30 MiB;

  /** `known`: query text by sha256. */
  constructor(private readonly known: ReadonlyMap<string, string>) {}

  async get(key: string): Promise<string | undefined> {
    return (key.startsWith(APQ_PREFIX) ? this.known.get(key.slice(APQ_PREFIX.length)) : undefined) ?? this.rest.get(key);
  }
  set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    return this.rest.set(key, value, options);
  }
  delete(key: string): Promise<boolean | void> {
    return this.rest.delete(key);
  }
}
